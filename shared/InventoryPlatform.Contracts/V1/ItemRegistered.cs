namespace InventoryPlatform.Contracts.V1;

/// <summary>A seller registered a product (or changed its dimensions); Receiving assigned its FNSKU.</summary>
public sealed record ItemRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    string SellerSku,
    string Title,
    StorageType StorageType,
    Dimensions Dimensions,
    Money ListPrice,
    bool IsUpdate
) : IIntegrationEvent;

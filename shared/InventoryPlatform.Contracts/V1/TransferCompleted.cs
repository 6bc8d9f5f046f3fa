namespace InventoryPlatform.Contracts.V1;

public sealed record TransferCompleted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid TransferId,
    string Fnsku,
    string ToFulfillmentCenter,
    int Quantity
) : IIntegrationEvent;

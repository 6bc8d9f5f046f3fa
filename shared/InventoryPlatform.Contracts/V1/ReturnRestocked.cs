namespace InventoryPlatform.Contracts.V1;

/// <summary>Returned units graded sellable went back on the shelf of an FC.</summary>
public sealed record ReturnRestocked(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ReturnId,
    string Fnsku,
    string FulfillmentCenter,
    int Quantity
) : IIntegrationEvent;

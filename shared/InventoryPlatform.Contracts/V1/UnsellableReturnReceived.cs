namespace InventoryPlatform.Contracts.V1;

/// <summary>Returned units that cannot be sold again; they become unfulfillable stock and a liquidation candidate.</summary>
public sealed record UnsellableReturnReceived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ReturnId,
    string Fnsku,
    string FulfillmentCenter,
    int Quantity,
    ReturnGrade Grade
) : IIntegrationEvent;

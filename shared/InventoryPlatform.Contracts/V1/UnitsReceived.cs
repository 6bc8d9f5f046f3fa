namespace InventoryPlatform.Contracts.V1;

/// <summary>Units of one shipment line were scanned at a fulfillment center dock, grouped by condition.</summary>
public sealed record UnitsReceived(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ShipmentId,
    string FulfillmentCenter,
    string Fnsku,
    UnitCondition Condition,
    int Quantity,
    IReadOnlyList<string> UnitIds
) : IIntegrationEvent;

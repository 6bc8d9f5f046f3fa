namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// Capacity held for a shipment goes back: the shipment was cancelled, or never stored (Receiving gave up waiting for the
/// answer). The release may reach Limits before a late reservation does; <see cref="FulfillmentCenter"/> is then recorded
/// with it (null in events from before it was added).
/// </summary>
public sealed record CapacityReleased(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ShipmentId,
    string? FulfillmentCenter = null
) : IIntegrationEvent;

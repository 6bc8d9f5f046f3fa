namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// The seller marked an inbound shipment shipped: its expected units are on the way to the FC. Allocation counts them as
/// <c>inbound</c> there until they are scanned or the shipment is closed or cancelled.
/// </summary>
public sealed record InboundShipmentShipped(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ShipmentId,
    string FulfillmentCenter,
    IReadOnlyList<InboundLine> Lines
) : IIntegrationEvent;

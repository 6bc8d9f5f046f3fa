namespace InventoryPlatform.Contracts.V1;

/// <summary>An inbound shipment was cancelled before any unit arrived; whatever was counted inbound for it is cleared.</summary>
public sealed record InboundShipmentCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ShipmentId,
    string FulfillmentCenter
) : IIntegrationEvent;

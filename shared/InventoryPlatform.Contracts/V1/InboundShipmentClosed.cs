namespace InventoryPlatform.Contracts.V1;

/// <summary>An inbound shipment was closed; the lines carry what was expected against what arrived.</summary>
public sealed record InboundShipmentClosed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid ShipmentId,
    string FulfillmentCenter,
    IReadOnlyList<ShipmentLineDiscrepancy> Lines
) : IIntegrationEvent;

namespace InventoryPlatform.Contracts.V1;

/// <summary>One FC shipment of an order left the building.</summary>
public sealed record OrderShipped(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid OrderId,
    string Marketplace,
    string FulfillmentCenter,
    string ShipToRegion,
    IReadOnlyList<OrderLine> Lines,
    double HoursFromOrderToShip
) : IIntegrationEvent;

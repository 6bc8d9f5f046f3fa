namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// The ledger balance of one (seller, FNSKU, FC) changed; the figures are the balance after the change.
/// <see cref="Version"/> grows with every change of that balance, so a consumer that receives events out of
/// order keeps the newest.
/// </summary>
public sealed record StockChanged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    string FulfillmentCenter,
    int OnHand,
    int Reserved,
    int Inbound,
    int InTransit,
    int Unfulfillable,
    long Version,
    string Reason
) : IIntegrationEvent;

public sealed record OrderLine(string Fnsku, int Quantity, Money UnitPrice);

public sealed record AllocatedLine(string Fnsku, string FulfillmentCenter, int Quantity);

public sealed record OrderAllocated(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid OrderId,
    string Marketplace,
    string ShipToRegion,
    IReadOnlyList<AllocatedLine> Lines,
    IReadOnlyList<OrderLine> Backordered
) : IIntegrationEvent;

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

public sealed record OrderCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid OrderId,
    string Reason
) : IIntegrationEvent;

public sealed record TransferRequested(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid TransferId,
    string Fnsku,
    string FromFulfillmentCenter,
    string ToFulfillmentCenter,
    int Quantity
) : IIntegrationEvent;

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

public sealed record LowStockDetected(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    string Fnsku,
    int Available,
    double DaysOfCover
) : IIntegrationEvent;

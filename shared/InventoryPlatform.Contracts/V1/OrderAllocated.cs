namespace InventoryPlatform.Contracts.V1;

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

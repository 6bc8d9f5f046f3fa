namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// A liquidation, removal or disposal order was created: Allocation holds its sellable units as <c>pendingRemoval</c>
/// (no longer available to orders) until <see cref="InventoryRemoved"/> takes them off or <see cref="RemovalOrderCancelled"/>
/// releases them.
/// </summary>
public sealed record RemovalOrderOpened(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid RemovalOrderId,
    string Fnsku,
    bool FromUnfulfillable,
    IReadOnlyList<RemovalLine> Lines
) : IIntegrationEvent;

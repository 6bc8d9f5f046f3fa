namespace InventoryPlatform.Notifications.Domain;

/// <summary>
/// The public names of the events a partner can subscribe to, one per integration event (or per outcome of one, as an
/// order allocation that also backordered lines gives both <see cref="OrderAllocated"/> and <see cref="OrderBackordered"/>).
/// </summary>
public static class WebhookEventTypes
{
    public const string StockLow = "stock.low";
    public const string StockChanged = "stock.changed";
    public const string RestockRecommended = "restock.recommended";
    public const string RestockCleared = "restock.cleared";
    public const string OrderAllocated = "order.allocated";
    public const string OrderBackordered = "order.backordered";
    public const string OrderBackorderFilled = "order.backorder_filled";
    public const string OrderShipped = "order.shipped";
    public const string OrderCancelled = "order.cancelled";
    public const string InboundReceived = "inbound.received";
    public const string InboundClosed = "inbound.closed";
    public const string ReturnReceived = "return.received";
    public const string ReturnGraded = "return.graded";
    public const string ReturnRestocked = "return.restocked";
    public const string ReturnRateHigh = "return.rate_high";
    public const string ReimbursementCreated = "reimbursement.created";
    public const string MarkdownRecommended = "markdown.recommended";
    public const string LiquidationRecommended = "liquidation.recommended";
    public const string LiquidationExecuted = "liquidation.executed";
    public const string RemovalOpened = "removal.opened";
    public const string InventoryRemoved = "inventory.removed";
    public const string InventoryAdjusted = "inventory.adjusted";
    public const string CapacityLimitsUpdated = "capacity.limits_updated";
    public const string CapacityOverLimit = "capacity.over_limit";

    public static readonly IReadOnlyList<string> All =
    [
        StockLow,
        StockChanged,
        RestockRecommended,
        RestockCleared,
        OrderAllocated,
        OrderBackordered,
        OrderBackorderFilled,
        OrderShipped,
        OrderCancelled,
        InboundReceived,
        InboundClosed,
        ReturnReceived,
        ReturnGraded,
        ReturnRestocked,
        ReturnRateHigh,
        ReimbursementCreated,
        MarkdownRecommended,
        LiquidationRecommended,
        LiquidationExecuted,
        RemovalOpened,
        InventoryRemoved,
        InventoryAdjusted,
        CapacityLimitsUpdated,
        CapacityOverLimit,
    ];

    /// <summary>Frequent and noisy: delivered only to a subscription that names it, and coalesced per FNSKU and FC.</summary>
    public static bool IsOptIn(string type) => type == StockChanged;

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}

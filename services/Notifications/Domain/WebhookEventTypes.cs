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
    public const string OrderAllocated = "order.allocated";
    public const string OrderBackordered = "order.backordered";
    public const string OrderShipped = "order.shipped";
    public const string OrderCancelled = "order.cancelled";
    public const string InboundReceived = "inbound.received";
    public const string InboundClosed = "inbound.closed";
    public const string ReturnGraded = "return.graded";
    public const string ReturnRestocked = "return.restocked";
    public const string ReturnRateHigh = "return.rate_high";
    public const string MarkdownRecommended = "markdown.recommended";
    public const string RemovalOpened = "removal.opened";
    public const string InventoryRemoved = "inventory.removed";
    public const string InventoryAdjusted = "inventory.adjusted";
    public const string CapacityLimitsUpdated = "capacity.limits_updated";

    public static readonly IReadOnlyList<string> All =
    [
        StockLow,
        StockChanged,
        RestockRecommended,
        OrderAllocated,
        OrderBackordered,
        OrderShipped,
        OrderCancelled,
        InboundReceived,
        InboundClosed,
        ReturnGraded,
        ReturnRestocked,
        ReturnRateHigh,
        MarkdownRecommended,
        RemovalOpened,
        InventoryRemoved,
        InventoryAdjusted,
        CapacityLimitsUpdated,
    ];

    /// <summary>Frequent and noisy: delivered only to a subscription that names it, and coalesced per FNSKU and FC.</summary>
    public static bool IsOptIn(string type) => type == StockChanged;

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}

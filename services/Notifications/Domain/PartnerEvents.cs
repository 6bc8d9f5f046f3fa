using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Notifications.Domain;

/// <summary>
/// How each partner-facing integration event becomes the event(s) partners receive. Deliveries of one subscription are kept
/// in order per FNSKU where the event has one FNSKU, per order, shipment or return where it has several, and per seller
/// otherwise.
/// </summary>
public static class PartnerEvents
{
    public static IReadOnlyList<PartnerEvent> From(LowStockDetected e) => [One(e, WebhookEventTypes.StockLow, e.Fnsku, null)];

    public static IReadOnlyList<PartnerEvent> From(StockChanged e) =>
        [One(e, WebhookEventTypes.StockChanged, e.Fnsku, e.FulfillmentCenter) with { CoalesceKey = $"{e.Fnsku}/{e.FulfillmentCenter}" }];

    public static IReadOnlyList<PartnerEvent> From(ReplenishmentRecommended e) =>
        [One(e, WebhookEventTypes.RestockRecommended, e.Fnsku, null)];

    /// <summary>order.allocated when lines were allocated, order.backordered when lines were not, both for a partial order.</summary>
    public static IReadOnlyList<PartnerEvent> From(OrderAllocated e)
    {
        var fnskus = e.Lines.Select(l => l.Fnsku).Concat(e.Backordered.Select(l => l.Fnsku)).Distinct().ToList();
        var centers = e.Lines.Select(l => l.FulfillmentCenter).Distinct().ToList();
        var fnsku = fnskus.Count == 1 ? fnskus[0] : null;
        var key = fnsku ?? $"order:{e.OrderId}";
        var events = new List<PartnerEvent>();
        if (e.Lines.Count > 0)
        {
            events.Add(One(e, WebhookEventTypes.OrderAllocated, fnsku, centers.Count == 1 ? centers[0] : null) with { OrderingKey = key });
        }

        if (e.Backordered.Count > 0)
        {
            events.Add(One(e, WebhookEventTypes.OrderBackordered, fnsku, null) with { OrderingKey = key });
        }

        return events;
    }

    public static IReadOnlyList<PartnerEvent> From(OrderShipped e) =>
        [One(e, WebhookEventTypes.OrderShipped, SingleValue(e.Lines.Select(l => l.Fnsku)), e.FulfillmentCenter, $"order:{e.OrderId}")];

    public static IReadOnlyList<PartnerEvent> From(OrderCancelled e) =>
        [One(e, WebhookEventTypes.OrderCancelled, null, null, $"order:{e.OrderId}")];

    public static IReadOnlyList<PartnerEvent> From(UnitsReceived e) =>
        [One(e, WebhookEventTypes.InboundReceived, e.Fnsku, e.FulfillmentCenter)];

    public static IReadOnlyList<PartnerEvent> From(InboundShipmentClosed e) =>
        [
            One(
                e,
                WebhookEventTypes.InboundClosed,
                SingleValue(e.Lines.Select(l => l.Fnsku)),
                e.FulfillmentCenter,
                $"shipment:{e.ShipmentId}"
            ),
        ];

    public static IReadOnlyList<PartnerEvent> From(ReturnDispositionDecided e) =>
        [One(e, WebhookEventTypes.ReturnGraded, e.Fnsku, e.FulfillmentCenter)];

    public static IReadOnlyList<PartnerEvent> From(ReturnRestocked e) =>
        [One(e, WebhookEventTypes.ReturnRestocked, e.Fnsku, e.FulfillmentCenter)];

    public static IReadOnlyList<PartnerEvent> From(HighReturnRateDetected e) => [One(e, WebhookEventTypes.ReturnRateHigh, e.Fnsku, null)];

    public static IReadOnlyList<PartnerEvent> From(PriceMarkdownRecommended e) =>
        [One(e, WebhookEventTypes.MarkdownRecommended, e.Fnsku, null)];

    public static IReadOnlyList<PartnerEvent> From(RemovalOrderOpened e) =>
        [One(e, WebhookEventTypes.RemovalOpened, e.Fnsku, SingleValue(e.Lines.Select(l => l.FulfillmentCenter)))];

    public static IReadOnlyList<PartnerEvent> From(InventoryRemoved e) =>
        [One(e, WebhookEventTypes.InventoryRemoved, e.Fnsku, e.FulfillmentCenter)];

    public static IReadOnlyList<PartnerEvent> From(InventoryAdjusted e) =>
        [One(e, WebhookEventTypes.InventoryAdjusted, e.Fnsku, e.FulfillmentCenter)];

    public static IReadOnlyList<PartnerEvent> From(CapacityLimitsUpdated e) =>
        [One(e, WebhookEventTypes.CapacityLimitsUpdated, null, null)];

    public static IReadOnlyList<PartnerEvent> From(RestockAlertCleared e) => [One(e, WebhookEventTypes.RestockCleared, e.Fnsku, null)];

    /// <summary>Kept in order with the order's other events of that FNSKU (order.allocated, order.backordered).</summary>
    public static IReadOnlyList<PartnerEvent> From(BackorderFilled e) =>
        [One(e, WebhookEventTypes.OrderBackorderFilled, e.Fnsku, SingleValue(e.Filled.Select(l => l.FulfillmentCenter)))];

    public static IReadOnlyList<PartnerEvent> From(StorageLimitExceeded e) => [One(e, WebhookEventTypes.CapacityOverLimit, null, null)];

    public static IReadOnlyList<PartnerEvent> From(ReturnReceived e) =>
        [One(e, WebhookEventTypes.ReturnReceived, e.Fnsku, e.FulfillmentCenter)];

    public static IReadOnlyList<PartnerEvent> From(ReimbursementCreated e) =>
        [One(e, WebhookEventTypes.ReimbursementCreated, e.Fnsku, e.FulfillmentCenter)];

    public static IReadOnlyList<PartnerEvent> From(LiquidationRecommended e) =>
        [One(e, WebhookEventTypes.LiquidationRecommended, e.Fnsku, null)];

    public static IReadOnlyList<PartnerEvent> From(LiquidationRecommendationExecuted e) =>
        [One(e, WebhookEventTypes.LiquidationExecuted, e.Fnsku, null)];

    private static PartnerEvent One(
        InventoryPlatform.Contracts.IIntegrationEvent e,
        string type,
        string? fnsku,
        string? fulfillmentCenter,
        string? orderingKey = null
    ) => new(e.EventId, type, e.SellerId, e.OccurredAt, fnsku, fulfillmentCenter, orderingKey ?? fnsku ?? "seller", null, e);

    private static string? SingleValue(IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).Take(2).ToList();
        return distinct.Count == 1 ? distinct[0] : null;
    }
}

using System.Text.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Data;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.UnitTests.NotificationsSpecs;

/// <summary>How integration events become partner events, which subscriptions they match, and what the payload carries.</summary>
public sealed class PartnerEventSpecs
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 6, 0, 0, TimeSpan.Zero);
    private static readonly Money Price = new(12.5m, "USD");

    [Test]
    public void A_partly_backordered_order_is_both_allocated_and_backordered_for_its_seller()
    {
        var order = Order([new AllocatedLine("X0MUG", "SEA1", 2)], [new OrderLine("X0MUG", 3, Price)]);

        var events = PartnerEvents.From(order);

        Assert.That(events.Select(e => e.Type), Is.EqualTo(new[] { "order.allocated", "order.backordered" }));
        Assert.That(events.Select(e => e.SellerId), Is.All.EqualTo("seller-a"));
        Assert.That(events.Select(e => e.Fnsku), Is.All.EqualTo("X0MUG"));
        Assert.That(events.Select(e => e.OrderingKey), Is.All.EqualTo("X0MUG"));
    }

    [Test]
    public void A_fully_allocated_order_of_two_items_is_only_allocated_and_kept_in_order_per_order()
    {
        var order = Order([new AllocatedLine("X0MUG", "SEA1", 2), new AllocatedLine("X0CUP", "SEA1", 1)], []);

        var only = PartnerEvents.From(order).Single();

        Assert.That(only.Type, Is.EqualTo("order.allocated"));
        Assert.That(only.Fnsku, Is.Null);
        Assert.That(only.FulfillmentCenter, Is.EqualTo("SEA1"));
        Assert.That(only.OrderingKey, Is.EqualTo($"order:{order.OrderId}"));
    }

    [Test]
    public void Stock_changes_coalesce_per_fnsku_and_fulfillment_center()
    {
        var changed = new StockChanged(Guid.NewGuid(), At, "seller-a", Guid.NewGuid(), "X0MUG", "SEA1", 5, 1, 0, 0, 0, 7, "Received");

        var partnerEvent = PartnerEvents.From(changed).Single();

        Assert.That(partnerEvent.Type, Is.EqualTo("stock.changed"));
        Assert.That(partnerEvent.CoalesceKey, Is.EqualTo("X0MUG/SEA1"));
        Assert.That(WebhookEventTypes.IsOptIn(partnerEvent.Type), Is.True);
    }

    [Test]
    public void The_issue_25_events_become_their_own_types_for_their_own_seller()
    {
        var cases = new (IReadOnlyList<PartnerEvent> Events, string Type, string? Fnsku, string? Center)[]
        {
            (
                PartnerEvents.From(new RestockAlertCleared(Guid.NewGuid(), At, "seller-a", Guid.NewGuid(), "X0MUG", 50, 200, 40)),
                "restock.cleared",
                "X0MUG",
                null
            ),
            (
                PartnerEvents.From(
                    new BackorderFilled(
                        Guid.NewGuid(),
                        At,
                        "seller-a",
                        Guid.NewGuid(),
                        Guid.NewGuid(),
                        "X0MUG",
                        [new("X0MUG", "SEA1", 2)],
                        1
                    )
                ),
                "order.backorder_filled",
                "X0MUG",
                "SEA1"
            ),
            (
                PartnerEvents.From(
                    new StorageLimitExceeded(
                        Guid.NewGuid(),
                        At,
                        "seller-a",
                        Guid.NewGuid(),
                        [new StorageOverage(StorageType.Standard, 10m, 12m, 2m, Price)]
                    )
                ),
                "capacity.over_limit",
                null,
                null
            ),
            (
                PartnerEvents.From(
                    new ReturnReceived(Guid.NewGuid(), At, "seller-a", Guid.NewGuid(), Guid.NewGuid(), null, "X0MUG", "SEA1", 2, false, 0)
                ),
                "return.received",
                "X0MUG",
                "SEA1"
            ),
            (
                PartnerEvents.From(
                    new ReimbursementCreated(
                        Guid.NewGuid(),
                        At,
                        "seller-a",
                        Guid.NewGuid(),
                        Guid.NewGuid(),
                        "Lost",
                        null,
                        Guid.NewGuid(),
                        "X0MUG",
                        "SEA1",
                        2,
                        Price,
                        Price with
                        {
                            Amount = 25m,
                        }
                    )
                ),
                "reimbursement.created",
                "X0MUG",
                "SEA1"
            ),
            (
                PartnerEvents.From(
                    new LiquidationRecommended(
                        Guid.NewGuid(),
                        At,
                        "seller-a",
                        Guid.NewGuid(),
                        Guid.NewGuid(),
                        "X0MUG",
                        false,
                        "Liquidate",
                        5,
                        null,
                        Price,
                        null,
                        Price,
                        "aged"
                    )
                ),
                "liquidation.recommended",
                "X0MUG",
                null
            ),
            (
                PartnerEvents.From(
                    new LiquidationRecommendationExecuted(
                        Guid.NewGuid(),
                        At,
                        "seller-a",
                        Guid.NewGuid(),
                        Guid.NewGuid(),
                        "X0MUG",
                        false,
                        "Liquidate",
                        5,
                        "Seller",
                        Guid.NewGuid()
                    )
                ),
                "liquidation.executed",
                "X0MUG",
                null
            ),
        };

        foreach (var (events, type, fnsku, center) in cases)
        {
            var only = events.Single();
            Assert.That((only.Type, only.SellerId, only.Fnsku, only.FulfillmentCenter), Is.EqualTo((type, "seller-a", fnsku, center)));
            Assert.That(WebhookEventTypes.IsKnown(only.Type), Is.True, type);
            Assert.That(WebhookEventTypes.IsOptIn(only.Type), Is.False, type);
        }
    }

    [Test]
    public void Every_public_type_is_known_and_unknown_ones_are_not()
    {
        Assert.That(WebhookEventTypes.All, Is.Unique);
        Assert.That(WebhookEventTypes.All.All(WebhookEventTypes.IsKnown), Is.True);
        Assert.That(WebhookEventTypes.IsKnown("order.exploded"), Is.False);
    }

    [Test]
    public void A_filter_matches_on_type_then_fnsku_then_fulfillment_center()
    {
        var mug = PartnerEvents
            .From(
                new InventoryAdjusted(
                    Guid.NewGuid(),
                    At,
                    "s",
                    Guid.NewGuid(),
                    Guid.NewGuid(),
                    "X0MUG",
                    "SEA1",
                    -2,
                    AdjustmentReason.DamagedInWarehouse,
                    null
                )
            )
            .Single();

        Assert.That(new SubscriptionFilter(["inventory.adjusted"], null, null).Matches(mug), Is.True);
        Assert.That(new SubscriptionFilter(["order.shipped"], null, null).Matches(mug), Is.False);
        Assert.That(new SubscriptionFilter(["inventory.adjusted"], "x0mug", null).Matches(mug), Is.True);
        Assert.That(new SubscriptionFilter(["inventory.adjusted"], "X0CUP", null).Matches(mug), Is.False);
        Assert.That(new SubscriptionFilter(["inventory.adjusted"], "X0MUG", "SEA1").Matches(mug), Is.True);
        Assert.That(new SubscriptionFilter(["inventory.adjusted"], null, "PHX3").Matches(mug), Is.False);
    }

    [Test]
    public void An_event_without_a_single_fnsku_does_not_reach_an_fnsku_filtered_subscription()
    {
        var limits = PartnerEvents.From(new CapacityLimitsUpdated(Guid.NewGuid(), At, "s", Guid.NewGuid(), 80, [])).Single();

        Assert.That(new SubscriptionFilter(["capacity.limits_updated"], null, null).Matches(limits), Is.True);
        Assert.That(new SubscriptionFilter(["capacity.limits_updated"], "X0MUG", null).Matches(limits), Is.False);
    }

    [Test]
    public void The_payload_is_the_standard_webhooks_shape_with_the_event_as_data()
    {
        var order = Order([], [new OrderLine("X0MUG", 3, Price)]);

        using var payload = JsonDocument.Parse(WebhookPayload.Of(PartnerEvents.From(order).Single()));

        Assert.That(payload.RootElement.GetProperty("type").GetString(), Is.EqualTo("order.backordered"));
        Assert.That(payload.RootElement.GetProperty("timestamp").GetDateTimeOffset(), Is.EqualTo(At));
        var data = payload.RootElement.GetProperty("data");
        Assert.That(data.GetProperty("orderId").GetGuid(), Is.EqualTo(order.OrderId));
        Assert.That(data.GetProperty("sellerId").GetString(), Is.EqualTo("seller-a"));
        Assert.That(data.GetProperty("backordered")[0].GetProperty("quantity").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public void Claims_fill_each_subscriptions_free_slots_oldest_first_and_leave_the_rest()
    {
        var slow = Guid.NewGuid();
        var fast = Guid.NewGuid();
        var due = new[]
        {
            new DueDelivery(Guid.NewGuid(), slow),
            new DueDelivery(Guid.NewGuid(), fast),
            new DueDelivery(Guid.NewGuid(), slow),
            new DueDelivery(Guid.NewGuid(), fast),
            new DueDelivery(Guid.NewGuid(), fast),
        };

        var chosen = DeliveryDispatcher.Choose(due, new Dictionary<Guid, int> { [slow] = 1 }, perSubscription: 2);

        Assert.That(chosen, Is.EqualTo(new[] { due[0], due[1], due[3] }));
    }

    private static OrderAllocated Order(IReadOnlyList<AllocatedLine> lines, IReadOnlyList<OrderLine> backordered) =>
        new(Guid.NewGuid(), At, "seller-a", Guid.NewGuid(), Guid.NewGuid(), "US", "US-West", lines, backordered);
}

using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Notifications.Api;
using InventoryPlatform.Notifications.Domain;
using InventoryPlatform.Notifications.Jobs;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryPlatform.IntegrationTests.NotificationsSpecs;

/// <summary>
/// Events published on the real broker reach a real HTTP receiver as signed Standard Webhooks: verified with the secret,
/// retried after 500s and timeouts with growing waits, in order per FNSKU, replayable, signed with both secrets during a
/// rotation, given up after 24 h (the clock moved), and never delivered to another seller.
/// </summary>
[NonParallelizable]
public sealed class WebhookDeliverySpecs
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly Money Price = new(9.99m, "USD");
    private NotificationsPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task Start() => _platform = await NotificationsPlatform.StartAsync("notify");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    [Test]
    public async Task A_backordered_order_reaches_the_receiver_signed_with_the_subscriptions_secret()
    {
        var url = _platform.Receiver.Url("signed");
        var subscription = await _platform.SubscribeAsync("ntf-signed", url, "order.backordered");
        var order = Backordered("ntf-signed", "X0SIGN");

        await _platform.Bus.Publish(order);

        var webhook = (await _platform.Receiver.UntilReceivedAsync("signed", 1, Wait)).Single();
        Assert.That(subscription.Secret, Does.StartWith("whsec_"));
        Assert.That(webhook.VerifiesWith(subscription.Secret), Is.True, webhook.Signature);
        Assert.That(webhook.VerifiesWith(WebhookSignature.NewSecret()), Is.False);
        Assert.That(webhook.Body, Does.Contain("\"type\":\"order.backordered\"").And.Contain(order.OrderId.ToString()));
        var log = await Eventually.Until(
            () => _platform.DeliveriesAsync("ntf-signed", subscription.Subscription.Id),
            d => d.Deliveries.Count == 1 && d.Deliveries[0].Status == DeliveryStatus.Delivered,
            Wait,
            "the delivery logged as delivered"
        );
        var delivery = log.Deliveries.Single();
        Assert.That(delivery.WebhookId, Is.EqualTo(webhook.Id));
        Assert.That(delivery.EventId, Is.EqualTo(order.EventId));
        Assert.That(delivery.Attempts, Is.EqualTo(1));
        Assert.That(delivery.ResponseCode, Is.EqualTo(200));
        Assert.That(delivery.LatencyMs, Is.GreaterThanOrEqualTo(0).And.LessThan(5000));
    }

    [Test]
    public async Task Another_sellers_subscription_never_receives_a_sellers_events()
    {
        var mine = await _platform.SubscribeAsync("ntf-owner", _platform.Receiver.Url("owner"), "order.backordered", "stock.low");
        var theirs = await _platform.SubscribeAsync("ntf-other", _platform.Receiver.Url("other"), "order.backordered", "stock.low");

        await _platform.Bus.Publish(Backordered("ntf-owner", "X0OWN"));
        await _platform.Bus.Publish(
            new LowStockDetected(Guid.NewGuid(), DateTimeOffset.UtcNow, "ntf-owner", Guid.NewGuid(), "X0OWN", 2, 1.5)
        );

        await _platform.Receiver.UntilReceivedAsync("owner", 2, Wait);
        await Task.Delay(500);
        Assert.That(_platform.Receiver.Received("other"), Is.Empty);
        Assert.That((await _platform.DeliveriesAsync("ntf-other", theirs.Subscription.Id)).Deliveries, Is.Empty);
        Assert.That(
            await _platform.ScalarAsync<int>(
                "SELECT COUNT(*) FROM notifications.deliveries WHERE subscription_id = @Id",
                new { Id = theirs.Subscription.Id }
            ),
            Is.Zero
        );
        using var other = _platform.Notifications.ClientFor("ntf-other");
        var peek = await other.GetAsync($"/api/notifications/v1/subscriptions/{mine.Subscription.Id}");
        Assert.That(peek.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a seller cannot read another seller's subscription");
    }

    [Test]
    public async Task A_sellers_events_before_it_subscribes_store_nothing_and_after_it_subscribes_are_delivered()
    {
        await _platform.SubscribeAsync("ntf-early", _platform.Receiver.Url("early"), "order.backordered");
        var unheard = Backordered("ntf-late", "X0LATE");
        var heard = Backordered("ntf-early", "X0EARLY");

        await _platform.Bus.Publish(unheard, context => context.MessageId = unheard.EventId);
        await _platform.Bus.Publish(heard, context => context.MessageId = heard.EventId);
        await _platform.Receiver.UntilReceivedAsync("early", 1, Wait);
        // The management API counts queues every 5 s: a message moved to a _skipped queue shows up only then.
        await Task.Delay(TimeSpan.FromSeconds(6));

        const string inbox = "SELECT COUNT(*) FROM notifications.inbox WHERE message_id = @Id";
        Assert.That(await _platform.ScalarAsync<int>(inbox, new { Id = heard.EventId }), Is.EqualTo(1), "a subscribed seller's event");
        Assert.That(await _platform.ScalarAsync<int>(inbox, new { Id = unheard.EventId }), Is.Zero, "no subscription, no inbox row");
        Assert.That(
            await _platform.ScalarAsync<int>("SELECT COUNT(*) FROM notifications.deliveries WHERE seller_id = 'ntf-late'"),
            Is.Zero
        );
        var skipped = (await TestInfrastructure.QueuesAsync(_platform.Messaging)).Where(q =>
            q.Key.EndsWith("_skipped", StringComparison.Ordinal)
        );
        Assert.That(skipped.Sum(q => q.Value), Is.Zero, "acknowledged as consumed, not moved to a _skipped queue");

        await _platform.SubscribeAsync("ntf-late", _platform.Receiver.Url("late"), "order.backordered");
        var later = Backordered("ntf-late", "X0LATE");
        await _platform.Bus.Publish(later);

        var webhook = (await _platform.Receiver.UntilReceivedAsync("late", 1, Wait)).Single();
        Assert.That(webhook.Body, Does.Contain(later.OrderId.ToString()).And.Not.Contain(unheard.OrderId.ToString()));
    }

    [Test]
    public async Task A_receiver_answering_500_is_retried_with_growing_waits_until_it_answers_2xx()
    {
        var url = _platform.Receiver.Url("flaky", attempt => (attempt <= 3 ? 500 : 204, TimeSpan.Zero));
        var subscription = await _platform.SubscribeAsync("ntf-retry", url, "stock.low");

        await _platform.Bus.Publish(
            new LowStockDetected(Guid.NewGuid(), DateTimeOffset.UtcNow, "ntf-retry", Guid.NewGuid(), "X0RTY", 1, 0.5)
        );

        var received = await _platform.Receiver.UntilReceivedAsync("flaky", 4, Wait);
        var gaps = received.Zip(received.Skip(1), (a, b) => b.At - a.At).ToList();
        var first = NotificationsPlatform.FirstRetryDelay;
        Assert.That(received.Select(r => r.Id).Distinct().Count(), Is.EqualTo(1), "every attempt carries the same webhook-id");
        Assert.That(gaps[0], Is.GreaterThanOrEqualTo(first / 2), "first wait: half a step at least");
        Assert.That(gaps[1], Is.GreaterThanOrEqualTo(first), "second wait: at least the first step");
        Assert.That(gaps[2], Is.GreaterThanOrEqualTo(first * 2), "third wait: at least twice the first step");
        Assert.That(gaps[2], Is.GreaterThan(gaps[0]));
        var delivery = (
            await Eventually.Until(
                () => _platform.DeliveriesAsync("ntf-retry", subscription.Subscription.Id),
                d => d.Deliveries.SingleOrDefault()?.Status == DeliveryStatus.Delivered,
                Wait,
                "delivered after the retries"
            )
        ).Deliveries.Single();
        Assert.That(delivery.Attempts, Is.EqualTo(4));
        Assert.That(delivery.ResponseCode, Is.EqualTo(204));
    }

    [Test]
    public async Task A_receiver_that_does_not_answer_within_the_timeout_is_retried()
    {
        var slow = NotificationsPlatform.AttemptTimeout + TimeSpan.FromMilliseconds(800);
        var url = _platform.Receiver.Url("sleepy", attempt => (200, attempt == 1 ? slow : TimeSpan.Zero));
        var subscription = await _platform.SubscribeAsync("ntf-timeout", url, "stock.low");

        await _platform.Bus.Publish(
            new LowStockDetected(Guid.NewGuid(), DateTimeOffset.UtcNow, "ntf-timeout", Guid.NewGuid(), "X0TMO", 1, 0.5)
        );

        var received = await _platform.Receiver.UntilReceivedAsync("sleepy", 2, Wait);
        Assert.That(
            received[1].At - received[0].At,
            Is.GreaterThanOrEqualTo(NotificationsPlatform.AttemptTimeout + NotificationsPlatform.FirstRetryDelay / 2)
        );
        var delivery = (
            await Eventually.Until(
                () => _platform.DeliveriesAsync("ntf-timeout", subscription.Subscription.Id),
                d => d.Deliveries.SingleOrDefault()?.Status == DeliveryStatus.Delivered,
                Wait,
                "delivered on the second attempt"
            )
        ).Deliveries.Single();
        Assert.That(delivery.Attempts, Is.EqualTo(2));
        Assert.That(delivery.ResponseCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Deliveries_of_one_fnsku_go_out_in_order_and_wait_for_the_one_before_while_other_fnskus_go_on()
    {
        // The first delivery of the subscription fails four times (about 3 s of backoff): the rest of its FNSKU waits behind
        // it; another FNSKU of the same subscription does not.
        var url = _platform.Receiver.Url("ordered", (webhook, attempt) =>
            (Quantity(webhook.Body) == 1 && attempt <= 4 ? 503 : 200, TimeSpan.Zero)
        );
        var subscription = await _platform.SubscribeAsync("ntf-order", url, "inventory.adjusted");
        var id = subscription.Subscription.Id;

        for (var quantity = 1; quantity <= 4; quantity++)
        {
            await _platform.Bus.Publish(Adjusted("ntf-order", "X0ORD", quantity));
            await Eventually.Until(
                () => _platform.ScalarAsync<int>("SELECT COUNT(*) FROM notifications.deliveries WHERE subscription_id = @id", new { id }),
                n => n == quantity,
                Wait,
                $"delivery {quantity} stored"
            );
        }

        await _platform.Bus.Publish(Adjusted("ntf-order", "X0OTHER", 99));

        var received = await _platform.Receiver.UntilReceivedAsync("ordered", 9, Wait);
        var ordered = received.Where(r => r.Body.Contains("X0ORD", StringComparison.Ordinal)).Select(r => Quantity(r.Body)).ToList();
        Assert.That(ordered, Is.EqualTo(new[] { 1, 1, 1, 1, 1, 2, 3, 4 }), "X0ORD in order, the next only after the one before");
        var other = received.ToList().FindIndex(r => r.Body.Contains("X0OTHER", StringComparison.Ordinal));
        var firstSuccess = received.Select((r, i) => (r, i)).Where(x => Quantity(x.r.Body) == 1).ElementAt(4).i;
        Assert.That(other, Is.LessThan(firstSuccess), "X0OTHER was delivered while X0ORD's first delivery was still failing");
    }

    [Test]
    public async Task Stock_changes_waiting_behind_a_failing_one_are_coalesced_to_the_newest_per_fnsku_and_fc()
    {
        var url = _platform.Receiver.Url("stock", (webhook, attempt) =>
            (Version(webhook.Body) == 1 && attempt <= 3 ? 500 : 200, TimeSpan.Zero)
        );
        var subscription = await _platform.SubscribeAsync("ntf-stock", url, "stock.changed");

        await _platform.Bus.Publish(Changed("ntf-stock", version: 1));
        await _platform.Receiver.UntilReceivedAsync("stock", 1, Wait);
        for (var version = 2; version <= 4; version++)
        {
            await _platform.Bus.Publish(Changed("ntf-stock", version));
        }

        var received = await _platform.Receiver.UntilReceivedAsync("stock", 5, Wait);
        await Task.Delay(NotificationsPlatform.FirstRetryDelay * 2);
        Assert.That(_platform.Receiver.Received("stock").Select(r => Version(r.Body)), Is.EqualTo(new long[] { 1, 1, 1, 1, 4 }));
        var log = await _platform.DeliveriesAsync("ntf-stock", subscription.Subscription.Id);
        Assert.That(
            log.Deliveries.Select(d => d.Status),
            Is.EquivalentTo(
                new[] { DeliveryStatus.Delivered, DeliveryStatus.Superseded, DeliveryStatus.Superseded, DeliveryStatus.Delivered }
            )
        );
        Assert.That(received, Has.Count.EqualTo(5));
    }

    [Test]
    public async Task A_replayed_delivery_is_sent_again_with_the_same_webhook_id()
    {
        var subscription = await _platform.SubscribeAsync("ntf-replay", _platform.Receiver.Url("replay"), "inventory.adjusted");
        await _platform.Bus.Publish(Adjusted("ntf-replay", "X0RPL", -3));
        var first = (await _platform.Receiver.UntilReceivedAsync("replay", 1, Wait)).Single();
        var delivery = (
            await Eventually.Until(
                () => _platform.DeliveriesAsync("ntf-replay", subscription.Subscription.Id),
                d => d.Deliveries.SingleOrDefault()?.Status == DeliveryStatus.Delivered,
                Wait,
                "delivered"
            )
        ).Deliveries.Single();

        using var client = _platform.Notifications.ClientFor("ntf-replay");
        var replay = await client.PostAsync(
            $"/api/notifications/v1/subscriptions/{subscription.Subscription.Id}/deliveries/{delivery.Id}/replay",
            null
        );

        Assert.That(replay.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await replay.Content.ReadAsStringAsync());
        var again = await _platform.Receiver.UntilReceivedAsync("replay", 2, Wait);
        Assert.That(again[1].Id, Is.EqualTo(first.Id));
        Assert.That(again[1].Body, Is.EqualTo(first.Body));
        Assert.That(again[1].VerifiesWith(subscription.Secret), Is.True);
        var replayed = await Eventually.Until(
            () => _platform.DeliveriesAsync("ntf-replay", subscription.Subscription.Id),
            d => d.Deliveries.Single().Attempts == 2,
            Wait,
            "the replay logged as a second attempt"
        );
        Assert.That(replayed.Deliveries.Single().Status, Is.EqualTo(DeliveryStatus.Delivered));
        using var other = _platform.Notifications.ClientFor("ntf-not-the-owner");
        var refused = await other.PostAsync(
            $"/api/notifications/v1/subscriptions/{subscription.Subscription.Id}/deliveries/{delivery.Id}/replay",
            null
        );
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task During_a_rotation_overlap_both_secrets_sign_and_after_it_only_the_new_one()
    {
        var subscription = await _platform.SubscribeAsync("ntf-rotate", _platform.Receiver.Url("rotate"), "stock.low");
        using var client = _platform.Notifications.ClientFor("ntf-rotate");
        var rotate = $"/api/notifications/v1/subscriptions/{subscription.Subscription.Id}/rotate-secret";

        var overlapping = await (await client.PostAsJsonAsync(rotate, new RotateSecretRequest(60))).ReadAsync<RotatedSecretResponse>();
        await _platform.Bus.Publish(
            new LowStockDetected(Guid.NewGuid(), DateTimeOffset.UtcNow, "ntf-rotate", Guid.NewGuid(), "X0ROT", 1, 1)
        );
        var during = (await _platform.Receiver.UntilReceivedAsync("rotate", 1, Wait))[0];

        Assert.That(overlapping.Secret, Is.Not.EqualTo(subscription.Secret));
        Assert.That(overlapping.PreviousSecretValidUntil, Is.GreaterThan(DateTime.UtcNow.AddMinutes(59)));
        Assert.That(during.Signature.Split(' '), Has.Length.EqualTo(2).And.All.StartWith("v1,"));
        Assert.That(during.VerifiesWith(overlapping.Secret), Is.True, "the new secret");
        Assert.That(during.VerifiesWith(subscription.Secret), Is.True, "the previous secret, during the overlap");

        var immediate = await (await client.PostAsJsonAsync(rotate, new RotateSecretRequest(0))).ReadAsync<RotatedSecretResponse>();
        await _platform.Bus.Publish(
            new LowStockDetected(Guid.NewGuid(), DateTimeOffset.UtcNow, "ntf-rotate", Guid.NewGuid(), "X0ROT", 0, 0)
        );
        var after = (await _platform.Receiver.UntilReceivedAsync("rotate", 2, Wait))[1];

        Assert.That(after.Signature.Split(' '), Has.Length.EqualTo(1));
        Assert.That(after.VerifiesWith(immediate.Secret), Is.True);
        Assert.That(after.VerifiesWith(overlapping.Secret), Is.False, "the previous secret no longer signs without an overlap");
    }

    [Test]
    public async Task A_delivery_failing_for_24_hours_fails_and_disables_its_subscription_with_the_reason()
    {
        var subscription = await _platform.SubscribeAsync(
            "ntf-giveup",
            _platform.Receiver.Url("down", _ => (500, TimeSpan.Zero)),
            "stock.low"
        );
        await _platform.Bus.Publish(
            new LowStockDetected(Guid.NewGuid(), DateTimeOffset.UtcNow, "ntf-giveup", Guid.NewGuid(), "X0DWN", 0, 0)
        );
        await _platform.Receiver.UntilReceivedAsync("down", 1, Wait);

        var id = subscription.Subscription.Id;
        try
        {
            _platform.Clock.Offset = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
            await MakeDeliveryJobDueAsync();
            var status = await Eventually.Until(
                () => _platform.ScalarAsync<string>("SELECT status FROM notifications.subscriptions WHERE id = @id", new { id }),
                s => s == "Disabled",
                Wait,
                "the subscription disabled"
            );
            Assert.That(status, Is.EqualTo("Disabled"));
        }
        finally
        {
            // A poll that read the moved clock may have pushed the job's next run a day ahead: make it due again after it.
            _platform.Clock.Offset = TimeSpan.Zero;
            await Task.Delay(300);
            await MakeDeliveryJobDueAsync();
        }

        using var client = _platform.Notifications.ClientFor("ntf-giveup");
        var disabled = await (await client.GetAsync($"/api/notifications/v1/subscriptions/{id}")).ReadAsync<SubscriptionResponse>();
        Assert.That(disabled.Status, Is.EqualTo(SubscriptionStatus.Disabled));
        Assert.That(disabled.DisabledReason, Does.Contain("failed for 24 h").And.Contain("HTTP 500"));
        var delivery = (await _platform.DeliveriesAsync("ntf-giveup", id)).Deliveries.Single();
        Assert.That(delivery.Status, Is.EqualTo(DeliveryStatus.Failed));
        Assert.That(delivery.Attempts, Is.GreaterThanOrEqualTo(2));
        Assert.That(delivery.ResponseCode, Is.EqualTo(500));
        var attempts = _platform.Receiver.Received("down").Count;
        await Task.Delay(NotificationsPlatform.FirstRetryDelay * 3);
        Assert.That(_platform.Receiver.Received("down"), Has.Count.EqualTo(attempts), "a disabled subscription gets nothing more");
    }

    private async Task MakeDeliveryJobDueAsync() =>
        await _platform
            .Notifications.Services.GetRequiredService<JobClaims>()
            .MakeDueAsync(WebhookDeliveryJob.Name, _platform.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);

    private static OrderAllocated Backordered(string seller, string fnsku) =>
        new(
            Guid.NewGuid(),
            DateTimeOffset.UtcNow,
            seller,
            Guid.NewGuid(),
            Guid.NewGuid(),
            "US",
            "US-West",
            [],
            [new OrderLine(fnsku, 2, Price)]
        );

    private static InventoryAdjusted Adjusted(string seller, string fnsku, int quantity) =>
        new(
            Guid.NewGuid(),
            DateTimeOffset.UtcNow,
            seller,
            Guid.NewGuid(),
            Guid.NewGuid(),
            fnsku,
            "SEA1",
            quantity,
            AdjustmentReason.Found,
            null
        );

    private static StockChanged Changed(string seller, long version) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), "X0STK", "SEA1", (int)version, 0, 0, 0, 0, version, "Received");

    private static long Version(string body) =>
        System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("version").GetInt64();

    private static int Quantity(string body) =>
        System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("quantity").GetInt32();
}

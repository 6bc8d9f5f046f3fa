using System.Net;
using System.Text.Json;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.IntegrationTests.NotificationsSpecs;
using InventoryPlatform.Notifications.Api;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 25 through the gateway with every service running: a partner subscribes at /api/notifications/v1, and an order that
/// Allocation backorders reaches the partner's receiver as a signed webhook; another seller's subscription gets nothing.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    [Test]
    public async Task Loop_Notifications_AnOrderBackorderedInAllocationReachesTheSubscribersReceiver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var seller = $"ntf-{Guid.NewGuid():N}"[..20];
        var other = $"ntf-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));
        using var otherPartner = Gateway(await IssueKeyAsync(other));
        var subscription = await SubscribeAsync(partner, receiver.Url("loop-mine"));
        await SubscribeAsync(otherPartner, receiver.Url("loop-other"));
        var fnsku = await PlatformApi.RegisterItemAsync(partner, $"NTF-{Guid.NewGuid():N}"[..16].ToUpperInvariant());

        var order = await CoreOrderAsync(partner, "US-West", fnsku, 4);

        Assert.That(order.Status, Is.EqualTo(OrderStatus.Backordered));
        var webhook = (await receiver.UntilReceivedAsync("loop-mine", 1, CoreWait)).Single();
        Assert.That(webhook.VerifiesWith(subscription.Secret), Is.True, webhook.Signature);
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.That(body.RootElement.GetProperty("type").GetString(), Is.EqualTo("order.backordered"));
        var data = body.RootElement.GetProperty("data");
        Assert.That(data.GetProperty("orderId").GetGuid(), Is.EqualTo(order.Id));
        Assert.That(data.GetProperty("sellerId").GetString(), Is.EqualTo(seller));
        Assert.That(data.GetProperty("backordered")[0].GetProperty("fnsku").GetString(), Is.EqualTo(fnsku));
        Assert.That(data.GetProperty("backordered")[0].GetProperty("quantity").GetInt32(), Is.EqualTo(4));
        var log = await Eventually.Until(
            () => GetAsync<DeliveriesResponse>(partner, $"/api/notifications/v1/subscriptions/{subscription.Subscription.Id}/deliveries"),
            d => d.Deliveries.Count == 1 && d.Deliveries[0].Status == DeliveryStatus.Delivered,
            CoreWait,
            "the delivery logged through the gateway"
        );
        Assert.That(log.Deliveries[0].WebhookId, Is.EqualTo(webhook.Id));
        Assert.That(receiver.Received("loop-other"), Is.Empty, "another seller's subscription receives nothing of this seller");
        var peek = await otherPartner.GetAsync($"/api/notifications/v1/subscriptions/{subscription.Subscription.Id}");
        Assert.That(peek.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static async Task<SubscriptionCreatedResponse> SubscribeAsync(HttpClient partner, string url)
    {
        var response = await PostAsync(
            partner,
            "/api/notifications/v1/subscriptions",
            new { url, eventTypes = new[] { WebhookEventTypes.OrderBackordered, WebhookEventTypes.OrderAllocated } }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<SubscriptionCreatedResponse>();
    }
}

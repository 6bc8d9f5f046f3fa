using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Notifications.Domain;
using InventoryPlatform.Returns.Api;

namespace InventoryPlatform.IntegrationTests.NotificationsSpecs;

/// <summary>
/// Issue 25's new partner events produced by the real services: a backorder that arriving units fill (Allocation), a return
/// received and a reimbursement owed for it (Returns) each leave the producing service's outbox once per change and reach the
/// seller's receiver as signed webhooks; another seller's subscription to the same types receives nothing.
/// </summary>
[NonParallelizable]
public sealed class PartnerEventDeliverySpecs
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private PartnerEventServices _services = null!;

    [OneTimeSetUp]
    public async Task Start() => _services = await PartnerEventServices.StartAsync("partnerevents");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Test]
    public async Task Arriving_units_that_fill_a_backorder_reach_its_seller_as_order_backorder_filled_once_per_fill()
    {
        const string seller = "pe-fill";
        const string fnsku = "X0PEFILL01";
        var mine = await _services.SubscribeAsync(seller, _services.Receiver.Url("fill-mine"), WebhookEventTypes.OrderBackorderFilled);
        await _services.SubscribeAsync("pe-fill-other", _services.Receiver.Url("fill-other"), WebhookEventTypes.OrderBackorderFilled);
        var allocation = _services.Allocation.ClientFor(seller);
        var order = await FulfillmentOrderSpecs.CreateAsync(allocation, FulfillmentOrderSpecs.Order(fnsku, 5, "backorder"));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Backordered));

        await ArriveAsync(seller, fnsku, 3);
        var first = (await _services.Receiver.UntilReceivedAsync("fill-mine", 1, Wait)).Single();
        await ArriveAsync(seller, fnsku, 4);
        var second = (await _services.Receiver.UntilReceivedAsync("fill-mine", 2, Wait))[1];
        await ArriveAsync(seller, fnsku, 1);

        Assert.That(first.VerifiesWith(mine.Secret), Is.True, first.Signature);
        Assert.That(second.VerifiesWith(mine.Secret), Is.True, second.Signature);
        var fills = new[] { first, second }.Select(w => Data(w, WebhookEventTypes.OrderBackorderFilled)).ToList();
        Assert.That(fills.Select(d => d.GetProperty("orderId").GetGuid()), Is.All.EqualTo(order.Id));
        Assert.That(fills.Select(d => d.GetProperty("sellerId").GetString()), Is.All.EqualTo(seller));
        Assert.That(fills.Select(d => d.GetProperty("filled")[0].GetProperty("quantity").GetInt32()), Is.EqualTo(new[] { 3, 2 }));
        Assert.That(fills.Select(d => d.GetProperty("stillBackordered").GetInt32()), Is.EqualTo(new[] { 2, 0 }));

        // The third arrival found nothing owed: no fill, no event; the other seller heard of none of it.
        await Eventually.Until(
            () => PlatformApi.StockAsync(allocation, fnsku, "SEA1"),
            s => s.OnHand == 8,
            Wait,
            "all 8 arrived units on hand"
        );
        var published = (await _services.OutboxAsync<BackorderFilled>("allocation")).Where(e => e.OrderId == order.Id).ToList();
        Assert.That(published, Has.Count.EqualTo(2), "one BackorderFilled per fill");
        await Task.Delay(500);
        Assert.That(_services.Receiver.Received("fill-mine"), Has.Count.EqualTo(2));
        Assert.That(_services.Receiver.Received("fill-other"), Is.Empty);
    }

    [Test]
    public async Task A_damaged_return_reaches_its_seller_as_return_received_then_reimbursement_created()
    {
        const string seller = "pe-return";
        const string fnsku = "X0PERTN001";
        var types = new[] { WebhookEventTypes.ReturnReceived, WebhookEventTypes.ReimbursementCreated };
        var mine = await _services.SubscribeAsync(seller, _services.Receiver.Url("return-mine"), types);
        await _services.SubscribeAsync("pe-return-other", _services.Receiver.Url("return-other"), types);
        await ArriveAsync(seller, fnsku, 5);
        var (orderId, fc) = await ShipAsync(seller, fnsku, 4, 20m);
        var returns = _services.Returns.ClientFor(seller);
        var authorized = await returns.PostAsJsonAsync(
            "/api/returns/v1/returns",
            new
            {
                orderId,
                fnsku,
                quantity = 2,
                reason = "damagedInTransit",
            }
        );
        Assert.That(authorized.StatusCode, Is.EqualTo(HttpStatusCode.Created), await authorized.Content.ReadAsStringAsync());
        var returnId = (await authorized.ReadAsync<ReturnResponse>()).Id;

        var receipt = new
        {
            fulfillmentCenter = fc,
            returnId,
            unitIds = new[] { "PE-RTN-U1", "PE-RTN-U2" },
        };
        Assert.That((await ReceiveAsync(returns, receipt)).Accepted, Is.EqualTo(2));
        Assert.That((await ReceiveAsync(returns, receipt)).Accepted, Is.Zero, "the same units scanned again");
        var graded = await returns.PostAsJsonAsync(
            $"/api/returns/v1/returns/{returnId}/inspections",
            new
            {
                unitIds = new[] { "PE-RTN-U1", "PE-RTN-U2" },
                grade = "carrierDamaged",
                openedPackaging = false,
                inspector = "inspector-9",
            }
        );
        Assert.That(graded.StatusCode, Is.EqualTo(HttpStatusCode.OK), await graded.Content.ReadAsStringAsync());

        var webhooks = await _services.Receiver.UntilReceivedAsync("return-mine", 2, Wait);
        Assert.That(webhooks.Select(w => w.VerifiesWith(mine.Secret)), Is.All.True);
        var received = Data(webhooks[0], WebhookEventTypes.ReturnReceived);
        Assert.That(received.GetProperty("returnId").GetGuid(), Is.EqualTo(returnId));
        Assert.That(received.GetProperty("orderId").GetGuid(), Is.EqualTo(orderId));
        Assert.That(received.GetProperty("sellerId").GetString(), Is.EqualTo(seller));
        Assert.That(received.GetProperty("fulfillmentCenter").GetString(), Is.EqualTo(fc));
        Assert.That(received.GetProperty("units").GetInt32(), Is.EqualTo(2));
        var reimbursement = Data(webhooks[1], WebhookEventTypes.ReimbursementCreated);
        Assert.That(reimbursement.GetProperty("returnId").GetGuid(), Is.EqualTo(returnId));
        Assert.That(reimbursement.GetProperty("reason").GetString(), Is.EqualTo("CarrierDamaged"));
        Assert.That(reimbursement.GetProperty("units").GetInt32(), Is.EqualTo(2));
        Assert.That(reimbursement.GetProperty("amount").GetProperty("amount").GetDecimal(), Is.EqualTo(40.00m), "2 units at 20.00");
        Assert.That(reimbursement.GetProperty("amount").GetProperty("currency").GetString(), Is.EqualTo("USD"));

        var receipts = (await _services.OutboxAsync<ReturnReceived>("returns")).Where(e => e.ReturnId == returnId).ToList();
        Assert.That(receipts.Select(r => r.Units), Is.EqualTo(new[] { 2 }), "the repeated scan announced nothing");
        var owed = (await _services.OutboxAsync<ReimbursementCreated>("returns")).Where(e => e.ReturnId == returnId).ToList();
        Assert.That(owed, Has.Count.EqualTo(1));
        await Task.Delay(500);
        Assert.That(_services.Receiver.Received("return-mine"), Has.Count.EqualTo(2));
        Assert.That(_services.Receiver.Received("return-other"), Is.Empty);
    }

    private static JsonElement Data(ReceivedWebhook webhook, string type)
    {
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.That(body.RootElement.GetProperty("type").GetString(), Is.EqualTo(type), webhook.Body);
        return body.RootElement.GetProperty("data").Clone();
    }

    /// <summary>Units received at SEA1 as Receiving would announce them.</summary>
    private Task ArriveAsync(string seller, string fnsku, int quantity) =>
        _services.Bus.Publish(TestEvents.UnitsReceived(seller, "SEA1", fnsku, quantity));

    /// <summary>Creates and ships an order once its units are on hand, then waits for its OrderShipped to reach Returns.</summary>
    private async Task<(Guid OrderId, string FulfillmentCenter)> ShipAsync(string seller, string fnsku, int quantity, decimal price)
    {
        var allocation = _services.Allocation.ClientFor(seller);
        await Eventually.Until(() => PlatformApi.StockAsync(allocation, fnsku, "SEA1"), s => s.OnHand >= quantity, Wait, "stock");
        var order = await FulfillmentOrderSpecs.CreateAsync(
            allocation,
            FulfillmentOrderSpecs.Order(fnsku, quantity, "reject", price: price)
        );
        var fc = order.Lines[0].Allocations[0].FulfillmentCenter;
        var shipped = await allocation.PostAsJsonAsync($"/api/allocation/v1/orders/{order.Id}/shipments", new { fulfillmentCenter = fc });
        Assert.That(shipped.StatusCode, Is.EqualTo(HttpStatusCode.OK), await shipped.Content.ReadAsStringAsync());
        await Eventually.Until(
            () =>
                TestInfrastructure.ScalarAsync<int>(
                    InventoryPlatform.Data.DatabaseProvider.Postgres,
                    _services.Database,
                    "SELECT COUNT(*) FROM returns.shipped_lines WHERE order_id = @orderId",
                    new { orderId = order.Id }
                ),
            count => count > 0,
            Wait,
            $"order {order.Id} in Returns' projection"
        );
        return (order.Id, fc);
    }

    private static async Task<ReceiptResponse> ReceiveAsync(HttpClient client, object receipt)
    {
        var response = await client.PostAsJsonAsync("/api/returns/v1/receipts", receipt);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ReceiptResponse>();
    }
}

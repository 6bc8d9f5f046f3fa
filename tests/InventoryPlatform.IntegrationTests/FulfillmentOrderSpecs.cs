using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using MassTransit;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests;

/// <summary>Fulfillment orders against the real ledger: allocation, concurrency, idempotency, cancel, ship, as-of history.</summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class FulfillmentOrderSpecs(DatabaseProvider provider)
{
    private PlatformServices _services = null!;
    private IBusControl _bus = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _services = await PlatformServices.StartAsync(provider, "orders");
        _bus = await _services.StartTestBusAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [TearDown]
    public Task The_journal_and_the_balances_agree_after_every_scenario() => LedgerAudit.AssertJournalAgreesWithBalancesAsync(_services);

    [Test]
    public async Task Two_hundred_concurrent_orders_for_a_hundred_units_allocate_exactly_a_hundred()
    {
        var seller = "orders-race";
        await SeedAsync(seller, "X0RACE0001", "SEA1", 100);
        var client = _services.Allocation.ClientFor(seller);

        // Half the partners want all or nothing, half accept a backorder.
        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, 200)
                .Select(i =>
                    client.PostAsJsonAsync("/api/allocation/v1/orders", Order("X0RACE0001", 1, i % 2 == 0 ? "reject" : "backorder"))
                )
        );

        var created = new List<OrderResponse>();
        foreach (var response in responses)
        {
            Assert.That(
                response.StatusCode,
                Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.Conflict),
                await response.Content.ReadAsStringAsync()
            );
            if (response.StatusCode == HttpStatusCode.Created)
            {
                created.Add(await response.ReadAsync<OrderResponse>());
            }
        }

        var allocated = created.Sum(o => o.Lines[0].Allocated);
        var backordered = created.Sum(o => o.Lines[0].Backordered);
        var rejected = responses.Count(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.That(allocated, Is.EqualTo(100), "exactly the units on hand were allocated");
        Assert.That(backordered + rejected, Is.EqualTo(100), "every other order was backordered or rejected, none silently dropped");
        Assert.That(created.Count(o => o.Status == OrderStatus.Allocated), Is.EqualTo(100));
        Assert.That(
            created.Where(o => o.Status != OrderStatus.Allocated).Select(o => o.Status).Distinct(),
            Is.EqualTo(backordered > 0 ? new[] { OrderStatus.Backordered } : Array.Empty<OrderStatus>())
        );
        var stock = await StockAsync(client, "X0RACE0001", "SEA1");
        Assert.That((stock.OnHand, stock.Reserved, stock.Available), Is.EqualTo((100, 100, 0)));
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM allocation.orders WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(created.Count)
        );
    }

    [Test]
    public async Task An_order_is_reserved_at_the_nearest_FC_holding_it_and_shipping_takes_the_units_off_the_shelf()
    {
        var seller = "orders-ship";
        await SeedAsync(seller, "X0SHIP0001", "SEA1", 5);
        await SeedAsync(seller, "X0SHIP0001", "EWR9", 5);
        var client = _services.Allocation.ClientFor(seller);

        var order = await CreateAsync(client, Order("X0SHIP0001", 2, "reject", region: "US-Northeast", price: 12.5m));

        var allocation = order.Lines[0].Allocations[0];
        Assert.That(allocation.FulfillmentCenter, Is.EqualTo("EWR9"));
        Assert.That((await StockAsync(client, "X0SHIP0001", "EWR9")).Reserved, Is.EqualTo(2));

        var id = order.Id;
        var shipped = await client.PostAsJsonAsync($"/api/allocation/v1/orders/{id}/shipments", new { fulfillmentCenter = "EWR9" });
        Assert.That(shipped.StatusCode, Is.EqualTo(HttpStatusCode.OK), await shipped.Content.ReadAsStringAsync());
        Assert.That((await shipped.ReadAsync<OrderResponse>()).Status, Is.EqualTo(OrderStatus.Shipped));
        var stock = await StockAsync(client, "X0SHIP0001", "EWR9");
        Assert.That((stock.OnHand, stock.Reserved), Is.EqualTo((3, 0)));
        Assert.That((await StockAsync(client, "X0SHIP0001", "SEA1")).OnHand, Is.EqualTo(5), "the farther FC was not touched");

        var again = await client.PostAsJsonAsync($"/api/allocation/v1/orders/{id}/shipments", new { fulfillmentCenter = "EWR9" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a shipment is confirmed once");
        var cancel = await client.PostAsJsonAsync($"/api/allocation/v1/orders/{id}/cancel", new { reason = "too late" });
        Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a shipped order cannot be cancelled");

        var body = await _services.ScalarAsync<string>(
            "SELECT body FROM allocation.outbox WHERE message_type LIKE @type",
            new { type = $"%{nameof(OrderShipped)}%" }
        );
        var shippedEvent = PlatformJson.OutboxBody<OrderShipped>(body);
        Assert.That(shippedEvent.OrderId, Is.EqualTo(id));
        Assert.That(shippedEvent.FulfillmentCenter, Is.EqualTo("EWR9"));
        Assert.That(shippedEvent.ShipToRegion, Is.EqualTo("US-Northeast"));
        Assert.That(shippedEvent.Lines[0].Quantity, Is.EqualTo(2));
        Assert.That(shippedEvent.Lines[0].UnitPrice.Amount, Is.EqualTo(12.5m));
        Assert.That(shippedEvent.HoursFromOrderToShip, Is.GreaterThanOrEqualTo(0).And.LessThan(1));
    }

    [Test]
    public async Task An_order_no_single_FC_can_fill_is_split_and_the_rest_backordered()
    {
        var seller = "orders-split";
        await SeedAsync(seller, "X0SPLIT001", "SEA1", 3);
        await SeedAsync(seller, "X0SPLIT001", "PHX3", 2);
        var client = _services.Allocation.ClientFor(seller);

        var order = await CreateAsync(client, Order("X0SPLIT001", 7, "backorder", region: "US-West"));

        Assert.That(order.Status, Is.EqualTo(OrderStatus.PartiallyAllocated));
        var line = order.Lines[0];
        Assert.That(line.Allocations.Select(a => (a.FulfillmentCenter, a.Quantity)), Is.EquivalentTo(new[] { ("PHX3", 2), ("SEA1", 3) }));
        Assert.That(line.Backordered, Is.EqualTo(2));
    }

    [Test]
    public async Task Cancelling_releases_the_reservation_and_cancelling_again_changes_nothing()
    {
        var seller = "orders-cancel";
        await SeedAsync(seller, "X0CANCEL01", "DFW2", 4);
        var client = _services.Allocation.ClientFor(seller);
        var id = (await CreateAsync(client, Order("X0CANCEL01", 3, "reject", region: "US-Central"))).Id;
        Assert.That((await StockAsync(client, "X0CANCEL01", "DFW2")).Reserved, Is.EqualTo(3));

        var first = await client.PostAsJsonAsync($"/api/allocation/v1/orders/{id}/cancel", new { reason = "customer changed their mind" });
        var second = await client.PostAsJsonAsync($"/api/allocation/v1/orders/{id}/cancel", new { reason = "again" });

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var order = await (await client.GetAsync($"/api/allocation/v1/orders/{id}")).ReadAsync<OrderResponse>();
        Assert.That(order.Status, Is.EqualTo(OrderStatus.Cancelled));
        Assert.That(order.CancelReason, Is.EqualTo("customer changed their mind"));
        var stock = await StockAsync(client, "X0CANCEL01", "DFW2");
        Assert.That((stock.OnHand, stock.Reserved), Is.EqualTo((4, 0)));
        Assert.That(
            await _services.ScalarAsync<int>(
                "SELECT COUNT(*) FROM allocation.outbox WHERE message_type LIKE @type",
                new { type = $"%{nameof(OrderCancelled)}%" }
            ),
            Is.EqualTo(1)
        );
        var ship = await client.PostAsJsonAsync($"/api/allocation/v1/orders/{id}/shipments", new { fulfillmentCenter = "DFW2" });
        Assert.That(ship.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a cancelled order does not ship");
    }

    [Test]
    public async Task The_same_idempotency_key_or_partner_order_id_creates_one_order()
    {
        var seller = "orders-idem";
        await SeedAsync(seller, "X0IDEM0001", "ORD4", 10);
        var client = _services.Allocation.ClientFor(seller);

        var keyed = await Task.WhenAll(
            Enumerable
                .Range(0, 5)
                .Select(_ =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "/api/allocation/v1/orders")
                    {
                        Content = JsonContent.Create(Order("X0IDEM0001", 2, "reject", region: "US-Midwest")),
                    };
                    request.Headers.Add("Idempotency-Key", "order-key-1");
                    return client.SendAsync(request);
                })
        );
        var partner = await Task.WhenAll(
            Enumerable
                .Range(0, 5)
                .Select(_ =>
                    client.PostAsJsonAsync(
                        "/api/allocation/v1/orders",
                        Order("X0IDEM0001", 3, "reject", region: "US-Midwest", partnerOrderId: "PO-1001")
                    )
                )
        );

        var keyedIds = new HashSet<Guid>();
        foreach (var response in keyed)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            keyedIds.Add((await response.ReadAsync<OrderResponse>()).Id);
        }

        var partnerIds = new HashSet<Guid>();
        foreach (var response in partner)
        {
            Assert.That(
                response.StatusCode,
                Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK),
                await response.Content.ReadAsStringAsync()
            );
            partnerIds.Add((await response.ReadAsync<OrderResponse>()).Id);
        }

        Assert.That(keyedIds, Has.Count.EqualTo(1));
        Assert.That(partnerIds, Has.Count.EqualTo(1));
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM allocation.orders WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(2)
        );
        Assert.That((await StockAsync(client, "X0IDEM0001", "ORD4")).Reserved, Is.EqualTo(5));
    }

    [Test]
    public async Task Bad_input_is_refused_naming_each_field_and_stores_nothing()
    {
        var seller = "orders-bad";
        await SeedAsync(seller, "X0BAD00001", "SEA1", 10);
        var client = _services.Allocation.ClientFor(seller);

        var response = await client.PostAsJsonAsync(
            "/api/allocation/v1/orders",
            new
            {
                marketplace = "US",
                shipToRegion = "Atlantis",
                lines = new object[]
                {
                    new
                    {
                        fnsku = "X0BAD00001",
                        quantity = 0,
                        unitPrice = new { amount = 1.0, currency = "USD" },
                    },
                    new
                    {
                        fnsku = "X0BAD00001",
                        quantity = 1,
                        unitPrice = new { amount = -1.0, currency = "usd" },
                    },
                },
            }
        );

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys;
        Assert.That(
            errors,
            Is.EquivalentTo(
                new[] { "shipToRegion", "lines[0].quantity", "lines[1].fnsku", "lines[1].unitPrice.amount", "lines[1].unitPrice.currency" }
            )
        );
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM allocation.orders WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(0)
        );
        Assert.That((await StockAsync(client, "X0BAD00001", "SEA1")).Reserved, Is.EqualTo(0));
        var missing = await client.GetAsync($"/api/allocation/v1/orders/{Guid.NewGuid()}");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Another_sellers_order_is_not_found()
    {
        await SeedAsync("orders-owner", "X0OWNED001", "ATL6", 2);
        var id = (
            await CreateAsync(_services.Allocation.ClientFor("orders-owner"), Order("X0OWNED001", 1, "reject", region: "US-Southeast"))
        ).Id;
        var stranger = _services.Allocation.ClientFor("orders-stranger");

        Assert.That((await stranger.GetAsync($"/api/allocation/v1/orders/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(
            (await stranger.PostAsJsonAsync($"/api/allocation/v1/orders/{id}/cancel", new { })).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
    }

    [Test]
    public async Task Stock_as_of_a_past_time_is_what_it_was_then()
    {
        var seller = "orders-asof";
        await SeedAsync(seller, "X0ASOF0001", "SEA1", 10);
        var client = _services.Allocation.ClientFor(seller);
        await Task.Delay(50);
        var afterReceipt = DateTime.UtcNow;
        await Task.Delay(50);
        var id = (await CreateAsync(client, Order("X0ASOF0001", 4, "reject"))).Id;
        await Task.Delay(50);
        var afterReservation = DateTime.UtcNow;
        await Task.Delay(50);
        await client.PostAsJsonAsync($"/api/allocation/v1/orders/{id}/shipments", new { fulfillmentCenter = "SEA1" });

        Assert.That(await StockAsync(client, "X0ASOF0001", "SEA1", afterReceipt), Is.EqualTo(new Stock(10, 0, 10)));
        Assert.That(await StockAsync(client, "X0ASOF0001", "SEA1", afterReservation), Is.EqualTo(new Stock(10, 4, 6)));
        Assert.That(await StockAsync(client, "X0ASOF0001", "SEA1"), Is.EqualTo(new Stock(6, 0, 6)));
    }

    [Test]
    public async Task The_network_is_seeded_editable_and_cross_border_fulfilment_follows_its_policy()
    {
        var seller = "orders-network";
        await SeedAsync(seller, "X0XBORDER1", "FRA3", 5);
        var client = _services.Allocation.ClientFor(seller);
        var operations = _services.Allocation.ClientFor("platform-operations", PlatformScopes.Admin);
        var partnerEdit = await client.PutAsJsonAsync("/api/allocation/v1/network/cross-border", new { allowed = false, penaltyHours = 1 });
        Assert.That(partnerEdit.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "only operations (admin) edit the shared network");
        var network = await (await client.GetAsync("/api/allocation/v1/network")).ReadAsync<NetworkResponse>();
        Assert.That(
            network.FulfillmentCenters.Select(f => f.Code),
            Is.SupersetOf(new[] { "SEA1", "PHX3", "DFW2", "ORD4", "ATL6", "EWR9", "LTN1", "MAN2", "FRA3", "MUC1", "NRT1", "KIX2" })
        );

        try
        {
            var forbid = await operations.PutAsJsonAsync(
                "/api/allocation/v1/network/cross-border",
                new { allowed = false, penaltyHours = 24 }
            );
            Assert.That(forbid.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var domestic = await CreateAsync(client, Order("X0XBORDER1", 1, "backorder", marketplace: "UK", region: "UK", currency: "GBP"));
            Assert.That(domestic.Status, Is.EqualTo(OrderStatus.Backordered), "German stock is out of reach of a UK order");

            await operations.PutAsJsonAsync("/api/allocation/v1/network/cross-border", new { allowed = true, penaltyHours = 24 });
            var crossBorder = await CreateAsync(client, Order("X0XBORDER1", 1, "reject", marketplace: "UK", region: "UK", currency: "GBP"));
            Assert.That(crossBorder.Lines[0].Allocations[0].FulfillmentCenter, Is.EqualTo("FRA3"));

            var bad = await operations.PutAsJsonAsync("/api/allocation/v1/network/transit-times/UK/NOPE1", new { transitHours = 0 });
            Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(
                (await bad.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys,
                Is.EquivalentTo(new[] { "fulfillmentCenter", "transitHours" })
            );
            var edit = await operations.PutAsJsonAsync("/api/allocation/v1/network/transit-times/UK/FRA3", new { transitHours = 60 });
            Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            network = await (await client.GetAsync("/api/allocation/v1/network")).ReadAsync<NetworkResponse>();
            Assert.That(network.TransitTimes.Single(t => t.Region == "UK" && t.FulfillmentCenter == "FRA3").TransitHours, Is.EqualTo(60));
        }
        finally
        {
            await operations.PutAsJsonAsync("/api/allocation/v1/network/cross-border", new { allowed = true, penaltyHours = 24 });
        }
    }

    internal sealed record Stock(int OnHand, int Reserved, int Available);

    internal static object Order(
        string fnsku,
        int quantity,
        string shortagePolicy,
        string marketplace = "US",
        string region = "US-West",
        decimal price = 9.99m,
        string currency = "USD",
        string? partnerOrderId = null
    ) =>
        new
        {
            partnerOrderId,
            marketplace,
            shipToRegion = region,
            shortagePolicy,
            lines = new[]
            {
                new
                {
                    fnsku,
                    quantity,
                    unitPrice = new { amount = price, currency },
                },
            },
        };

    internal static async Task<OrderResponse> CreateAsync(HttpClient client, object order)
    {
        var response = await client.PostAsJsonAsync("/api/allocation/v1/orders", order);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<OrderResponse>();
    }

    internal static async Task<Stock> StockAsync(HttpClient client, string fnsku, string fc, DateTime? asOf = null)
    {
        var url = $"/api/allocation/v1/stock?fnsku={fnsku}&fulfillmentCenter={fc}" + (asOf is { } t ? $"&asOf={t:O}" : "");
        var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var items = (await response.ReadAsync<Page<StockResponse>>()).Items;
        return items.Count == 0 ? new Stock(0, 0, 0) : new Stock(items[0].OnHand, items[0].Reserved, items[0].Available);
    }

    private async Task SeedAsync(string seller, string fnsku, string fc, int quantity)
    {
        var before = await StockAsync(_services.Allocation.ClientFor(seller), fnsku, fc);
        await _bus.Publish(TestEvents.UnitsReceived(seller, fc, fnsku, quantity));
        await Eventually.Until(
            () => StockAsync(_services.Allocation.ClientFor(seller), fnsku, fc),
            s => s.OnHand == before.OnHand + quantity,
            TimeSpan.FromSeconds(30),
            $"{quantity} units of {fnsku} on hand at {fc}"
        );
    }
}

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

/// <summary>Transfers between FCs, placement advice and rebalancing proposals against the real ledger and bus.</summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class TransferAndPlacementSpecs(DatabaseProvider provider)
{
    private PlatformServices _services = null!;
    private IBusControl _bus = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _services = await PlatformServices.StartAsync(provider, "transfers");
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
    public async Task A_transfer_is_in_transit_until_received_and_then_on_hand_at_the_destination()
    {
        var seller = "transfer-flow";
        await SeedAsync(seller, "X0XFER0001", "SEA1", 10);
        var client = _services.Allocation.ClientFor(seller);

        var created = await client.PostAsJsonAsync(
            "/api/allocation/v1/transfers",
            new
            {
                fnsku = "X0XFER0001",
                fromFulfillmentCenter = "SEA1",
                toFulfillmentCenter = "EWR9",
                quantity = 4,
            }
        );
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.ReadAsync<TransferResponse>()).Id;
        Assert.That(await BalanceAsync(client, "X0XFER0001", "SEA1"), Is.EqualTo((6, 0)));
        Assert.That(await BalanceAsync(client, "X0XFER0001", "EWR9"), Is.EqualTo((0, 4)));

        var received = await client.PostAsync($"/api/allocation/v1/transfers/{id}/receive", null);
        Assert.That(received.StatusCode, Is.EqualTo(HttpStatusCode.OK), await received.Content.ReadAsStringAsync());
        Assert.That((await received.ReadAsync<TransferResponse>()).Status, Is.EqualTo(TransferStatus.Received));
        Assert.That(await BalanceAsync(client, "X0XFER0001", "EWR9"), Is.EqualTo((4, 0)));
        Assert.That(
            (await client.PostAsync($"/api/allocation/v1/transfers/{id}/receive", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.Conflict)
        );
        Assert.That(await OutboxCountAsync(nameof(TransferRequested)), Is.EqualTo(1));
        Assert.That(await OutboxCountAsync(nameof(TransferCompleted)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_transfer_of_more_than_is_available_at_the_source_is_refused_and_changes_nothing()
    {
        var seller = "transfer-short";
        await SeedAsync(seller, "X0XFER0002", "DFW2", 5);
        var client = _services.Allocation.ClientFor(seller);
        await FulfillmentOrderSpecs.CreateAsync(client, FulfillmentOrderSpecs.Order("X0XFER0002", 3, "reject", region: "US-Central"));

        var tooMany = await client.PostAsJsonAsync(
            "/api/allocation/v1/transfers",
            new
            {
                fnsku = "X0XFER0002",
                fromFulfillmentCenter = "DFW2",
                toFulfillmentCenter = "ORD4",
                quantity = 3,
            }
        );
        var bad = await client.PostAsJsonAsync(
            "/api/allocation/v1/transfers",
            new
            {
                fnsku = "X0XFER0002",
                fromFulfillmentCenter = "DFW2",
                toFulfillmentCenter = "FRA3",
                quantity = 0,
            }
        );

        Assert.That(tooMany.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await tooMany.Content.ReadAsStringAsync());
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            (await bad.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys,
            Is.EquivalentTo(new[] { "toFulfillmentCenter", "quantity" })
        );
        Assert.That(
            await FulfillmentOrderSpecs.StockAsync(client, "X0XFER0002", "DFW2"),
            Is.EqualTo(new FulfillmentOrderSpecs.Stock(5, 3, 2))
        );
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM allocation.transfers WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(0)
        );
    }

    [Test]
    public async Task Placement_follows_the_forecast_and_a_stale_forecast_changes_nothing()
    {
        var seller = "placement-forecast";
        var client = _services.Allocation.ClientFor(seller);
        var now = DateTimeOffset.UtcNow;
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid()];
        await _bus.Publish(Forecast(seller, "X0PLACE001", now, ("US-West", 30), ("US-Northeast", 10)), c => c.MessageId = ids[0]);
        await _bus.Publish(Forecast(seller, "X0PLACE001", now.AddHours(-1), ("US-Southeast", 99)), c => c.MessageId = ids[1]);

        // Both consumed, in whichever order: the stale one must not replace the newer.
        await Eventually.Until(
            () =>
                _services.ScalarAsync<int>(
                    "SELECT COUNT(*) FROM allocation.inbox WHERE message_id IN (@First, @Second)",
                    new { First = ids[0], Second = ids[1] }
                ),
            n => n == 2,
            TimeSpan.FromSeconds(30),
            "both forecasts consumed"
        );
        var advice = await PlacementAsync(client, "X0PLACE001", 100);
        Assert.That(advice.DemandSource, Is.EqualTo("forecast"));

        Assert.That(advice.Lines.Select(l => (l.FulfillmentCenter, l.Units)), Is.EqualTo(new[] { ("SEA1", 75), ("EWR9", 25) }));
    }

    [Test]
    public async Task Without_a_forecast_placement_and_rebalancing_follow_recent_shipments()
    {
        var seller = "placement-history";
        await SeedAsync(seller, "X0PLACE002", "SEA1", 100);
        var client = _services.Allocation.ClientFor(seller);
        var order = await FulfillmentOrderSpecs.CreateAsync(
            client,
            FulfillmentOrderSpecs.Order("X0PLACE002", 8, "reject", region: "US-Southeast")
        );
        var shipped = await client.PostAsJsonAsync($"/api/allocation/v1/orders/{order.Id}/shipments", new { fulfillmentCenter = "SEA1" });
        Assert.That(shipped.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var advice = await PlacementAsync(client, "X0PLACE002", 40);
        var rebalancing = await (
            await client.GetAsync("/api/allocation/v1/rebalancing?fnsku=X0PLACE002&marketplace=US")
        ).ReadAsync<RebalancingProposals>();

        Assert.That(advice.DemandSource, Is.EqualTo("recentShipments"));
        Assert.That(advice.Lines.Select(l => (l.FulfillmentCenter, l.Units)), Is.EqualTo(new[] { ("ATL6", 40) }));
        var proposal = rebalancing.Transfers.Single();
        Assert.That((proposal.FromFulfillmentCenter, proposal.ToFulfillmentCenter, proposal.Quantity), Is.EqualTo(("SEA1", "ATL6", 92)));
    }

    [Test]
    public async Task An_order_taking_stock_under_the_days_of_cover_threshold_raises_low_stock_once()
    {
        var seller = "low-stock";
        var client = _services.Allocation.ClientFor(seller);
        await _bus.Publish(Forecast(seller, "X0LOWSTK01", DateTimeOffset.UtcNow, ("US-West", 1)));
        await Eventually.Until(
            () => PlacementAsync(client, "X0LOWSTK01", 1),
            a => a.DemandSource == "forecast",
            TimeSpan.FromSeconds(30),
            "the forecast applied"
        );
        await SeedAsync(seller, "X0LOWSTK01", "SEA1", 15);

        await FulfillmentOrderSpecs.CreateAsync(client, FulfillmentOrderSpecs.Order("X0LOWSTK01", 1, "reject"));
        Assert.That(await LowStockEventsAsync(seller), Is.Empty, "15 units at 1 a day is still 14 days of cover");
        await FulfillmentOrderSpecs.CreateAsync(client, FulfillmentOrderSpecs.Order("X0LOWSTK01", 2, "reject"));
        await FulfillmentOrderSpecs.CreateAsync(client, FulfillmentOrderSpecs.Order("X0LOWSTK01", 1, "reject"));

        var events = await LowStockEventsAsync(seller);
        Assert.That(events, Has.Count.EqualTo(1), "raised when crossing, not for every order after");
        Assert.That((events[0].Available, events[0].DaysOfCover), Is.EqualTo((12, 12.0)));
    }

    private async Task<IReadOnlyList<LowStockDetected>> LowStockEventsAsync(string seller) =>
        (
            await _services.QueryAsync<string>(
                "SELECT body FROM allocation.outbox WHERE message_type LIKE @type",
                new { type = $"%{nameof(LowStockDetected)}%" }
            )
        )
            .Select(PlatformJson.OutboxBody<LowStockDetected>)
            .Where(e => e.SellerId == seller)
            .ToList();

    private static DemandForecastUpdated Forecast(
        string seller,
        string fnsku,
        DateTimeOffset at,
        params (string Region, double Daily)[] regions
    ) =>
        new(
            Guid.NewGuid(),
            at,
            seller,
            Guid.NewGuid(),
            fnsku,
            DateOnly.FromDateTime(at.UtcDateTime),
            91,
            regions.Sum(r => r.Daily) * 91,
            regions.Select(r => new RegionalDemand(r.Region, r.Daily, r.Daily * 1.3)).ToList(),
            "test"
        );

    private static async Task<PlacementAdvice> PlacementAsync(HttpClient client, string fnsku, int units)
    {
        var response = await client.GetAsync($"/api/allocation/v1/placement?fnsku={fnsku}&marketplace=US&units={units}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<PlacementAdvice>();
    }

    private static async Task<(int OnHand, int InTransit)> BalanceAsync(HttpClient client, string fnsku, string fc)
    {
        var response = await client.GetAsync($"/api/allocation/v1/stock?fnsku={fnsku}&fulfillmentCenter={fc}");
        var items = (await response.ReadAsync<Page<StockResponse>>()).Items;
        return items.Count == 0 ? (0, 0) : (items[0].OnHand, items[0].InTransit);
    }

    private Task<int> OutboxCountAsync(string type) =>
        _services.ScalarAsync<int>("SELECT COUNT(*) FROM allocation.outbox WHERE message_type LIKE @type", new { type = $"%{type}%" });

    private async Task SeedAsync(string seller, string fnsku, string fc, int quantity)
    {
        await _bus.Publish(TestEvents.UnitsReceived(seller, fc, fnsku, quantity));
        await Eventually.Until(
            () => PlatformApi.StockAsync(_services.Allocation.ClientFor(seller), fnsku, fc),
            s => s.OnHand == quantity,
            TimeSpan.FromSeconds(30),
            "seeded"
        );
    }
}

using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Api;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Receiving.Api;
using InventoryPlatform.Returns.Api;
using MassTransit;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 22, point 4: the projections other services keep follow the units. Liquidation's FIFO lots follow transfers and
/// unsellable returns, bins free their space when units ship, and approved markdowns and deals reach Receiving's catalogue
/// and Forecasting's calendar. Every step through the gateway, with all services running.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    private static readonly TimeSpan ProjDeadline = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Loop_Proj_a_transfer_moves_the_oldest_lots_to_the_destination_keeping_their_age()
    {
        var fnsku = await PlatformApi.RegisterItemAsync(_gateway, $"PROJ-XFER-{Guid.NewGuid():N}"[..30]);
        await ProjReceiveAsync(_gateway, "SEA1", fnsku, 10);
        await Eventually.Until(
            () => ProjAgesAsync(_gateway, fnsku),
            rows => rows.Sum(r => r.Total) == 10,
            ProjDeadline,
            "Liquidation ageing the 10 received units"
        );

        var requested = await PostAsync(
            _gateway,
            "/api/allocation/v1/transfers",
            new
            {
                fnsku,
                fromFulfillmentCenter = "SEA1",
                toFulfillmentCenter = "EWR9",
                quantity = 6,
            }
        );
        var transfer = await requested.ReadAsync<InventoryPlatform.Allocation.Api.TransferResponse>();

        // In transit the lots already count (and age) at the destination, as the ledger counts them there.
        var inTransit = await Eventually.Until(
            () => ProjAgesAsync(_gateway, fnsku),
            rows => rows.Any(r => r.FulfillmentCenter == "EWR9"),
            ProjDeadline,
            "the transferred lots at EWR9"
        );
        // Liquidation runs LiquidationDaysAhead days ahead: the units were received that long ago, and a moved lot keeps its
        // receipt date (a lot dated at the transfer would be 0-90 days old).
        var expected = new[] { ("EWR9", 6, new AgeBracketUnits(0, 0, 6, 0, 0)), ("SEA1", 4, new AgeBracketUnits(0, 0, 4, 0, 0)) };
        Assert.That(inTransit.Select(r => (r.FulfillmentCenter, r.Total, r.Units)), Is.EquivalentTo(expected));

        await PostAsync(_gateway, $"/api/allocation/v1/transfers/{transfer.Id}/receive", null);
        // Arrived: the same lots, now on EWR9's shelf; an order from the Northeast ships from them.
        await Eventually.Until(
            () => PlatformApi.StockAsync(_gateway, fnsku, "EWR9"),
            s => s.OnHand == 6,
            ProjDeadline,
            "the transfer on hand at EWR9"
        );
        var order = await OrderAsync(_gateway, "US-Northeast", (fnsku, 2));
        Assert.That(order.Center, Is.EqualTo("EWR9"));
        await PostAsync(_gateway, $"/api/allocation/v1/orders/{order.Id}/shipments", new { fulfillmentCenter = "EWR9" });
        var after = await Eventually.Until(
            () => ProjAgesAsync(_gateway, fnsku),
            rows => rows.Sum(r => r.Total) == 8,
            ProjDeadline,
            "the shipped units taken from EWR9's lots"
        );
        Assert.That(
            after.Select(r => (r.FulfillmentCenter, r.Total, r.OldestAgeDays)),
            Is.EquivalentTo(new[] { ("EWR9", 4, (int?)LiquidationDaysAhead), ("SEA1", 4, (int?)LiquidationDaysAhead) })
        );
    }

    [Test]
    public async Task Loop_Proj_a_full_bin_emptied_by_shipped_units_takes_the_next_putaway()
    {
        // A bin far from the pick face (where slow movers go first) that holds four of the test item (0.1059 ft³ each).
        const string center = "PHX3";
        var bin = $"PROJ-{Guid.NewGuid():N}"[..20];
        using var admin = Gateway(AdminKey);
        var layout = await admin.PutAsJsonAsync(
            $"/api/receiving/v1/fulfillment-centers/{center}/bins",
            new
            {
                bins = new[]
                {
                    new
                    {
                        binId = bin,
                        zone = "loop",
                        pickFaceDistanceMeters = 99_999,
                        capacityCubicFeet = 0.45,
                    },
                },
            }
        );
        Assert.That(layout.StatusCode, Is.EqualTo(HttpStatusCode.OK), await layout.Content.ReadAsStringAsync());
        var fnsku = await PlatformApi.RegisterItemAsync(_gateway, $"PROJ-BIN-{Guid.NewGuid():N}"[..30]);
        var first = await ProjReceiveAsync(_gateway, center, fnsku, 4);
        Assert.That(await ProjBinsOfAsync(_gateway, first), Is.All.EqualTo(bin), "the four units fill the far bin");
        Assert.That(await ProjUsedAsync(admin, center, bin), Is.EqualTo(0.4238m));

        var order = await OrderAsync(_gateway, "US-Southwest", (fnsku, 2));
        Assert.That(order.Center, Is.EqualTo(center));
        await PostAsync(_gateway, $"/api/allocation/v1/orders/{order.Id}/shipments", new { fulfillmentCenter = center });
        await Eventually.Until(
            () => ProjUsedAsync(admin, center, bin),
            used => used == 0.2119m,
            ProjDeadline,
            "the two shipped units' space freed"
        );

        var second = await ProjReceiveAsync(_gateway, center, fnsku, 2);
        Assert.That(await ProjBinsOfAsync(_gateway, second), Is.All.EqualTo(bin), "the freed space reused");
        Assert.That(await ProjUsedAsync(admin, center, bin), Is.EqualTo(0.4238m));
    }

    [Test]
    public async Task Loop_Proj_a_return_graded_for_liquidation_becomes_a_liquidation_order_for_exactly_its_units()
    {
        // A seller of its own: grading rules are per seller, and these are the defaults (damaged units are liquidated).
        using var partner = Gateway(await IssueKeyAsync($"proj-returns-{Guid.NewGuid():N}"[..24]));
        var fnsku = await PlatformApi.RegisterItemAsync(partner, "PROJ-RETURN");
        await ProjReceiveAsync(partner, "SEA1", fnsku, 3);
        var order = await OrderAsync(partner, "US-West", (fnsku, 2));
        await PostAsync(partner, $"/api/allocation/v1/orders/{order.Id}/shipments", new { fulfillmentCenter = "SEA1" });
        var returnId = await AuthorizeReturnAsync(partner, order.Id, fnsku, 2, "damagedInTransit", ProjDeadline);
        string[] units = [$"proj-ret-{returnId:N}-1", $"proj-ret-{returnId:N}-2"];
        await PostAsync(
            partner,
            "/api/returns/v1/receipts",
            new
            {
                fulfillmentCenter = "SEA1",
                returnId,
                unitIds = units,
            }
        );
        var inspected = await PostAsync(
            partner,
            $"/api/returns/v1/returns/{returnId}/inspections",
            new
            {
                unitIds = units,
                grade = "customerDamaged",
                inspector = "qa",
            }
        );
        Assert.That(
            (await inspected.ReadAsync<InspectionResponse>()).Disposition,
            Is.EqualTo(InventoryPlatform.Returns.Domain.Disposition.Liquidate)
        );

        var orders = await Eventually.Until(
            async () => (await GetAsync<Page<RemovalOrderResponse>>(partner, "/api/liquidation/v1/orders")).Items,
            items => items.Any(o => o.Fnsku == fnsku),
            ProjDeadline,
            "the liquidation order for the returned units"
        );
        var liquidation = orders.Single(o => o.Fnsku == fnsku);
        Assert.That(
            (liquidation.Kind, liquidation.Status, liquidation.FromUnfulfillable, liquidation.Quantity, liquidation.RecommendationId),
            Is.EqualTo((RemovalKind.Liquidation, RemovalOrderStatus.Pending, true, 2, (Guid?)null))
        );
        Assert.That(liquidation.Lines, Is.EqualTo(new[] { new InventoryPlatform.Liquidation.Data.RemovalOrderLine("SEA1", 2) }));
        // 2 × $19.99 × 7.5 % recovery less the liquidator's 15 % referral; $0.25 a unit processing.
        Assert.That(
            (liquidation.ExpectedRecovery, liquidation.ExpectedFees),
            Is.EqualTo((new Money(2.55m, "USD"), new Money(0.50m, "USD")))
        );
        // The units reached Liquidation once, as an unfulfillable lot; and the ledger holds them as unfulfillable.
        var lots = await Eventually.Until(
            () => ProjAgesAsync(partner, fnsku, "unfulfillable"),
            rows => rows.Count > 0,
            ProjDeadline,
            "the unsellable return as an unfulfillable lot"
        );
        Assert.That(lots.Select(r => (r.FulfillmentCenter, r.Total)), Is.EqualTo(new[] { ("SEA1", 2) }));
        await Eventually.Until(
            () => PlatformApi.StockAsync(partner, fnsku, "SEA1"),
            s => s == (1, 2),
            ProjDeadline,
            "1 on hand and 2 unfulfillable at SEA1"
        );

        await PostAsync(partner, $"/api/liquidation/v1/orders/{liquidation.Id}/start", null);
        await PostAsync(partner, $"/api/liquidation/v1/orders/{liquidation.Id}/complete", null);
        await Eventually.Until(
            () => PlatformApi.StockAsync(partner, fnsku, "SEA1"),
            s => s == (1, 0),
            ProjDeadline,
            "the liquidated units off the ledger"
        );
        Assert.That(await ProjAgesAsync(partner, fnsku, "unfulfillable"), Is.Empty, "and out of Liquidation's lots");
    }

    [Test]
    public async Task Loop_Proj_an_approved_markdown_reprices_the_item_and_an_approved_deal_is_in_the_forecasting_calendar()
    {
        // A seller of its own with the default (manual) policy: the recommendations wait for the approvals below.
        var seller = $"proj-prices-{Guid.NewGuid():N}"[..24];
        using var partner = Gateway(await IssueKeyAsync(seller));
        var slow = await PlatformApi.RegisterItemAsync(partner, "PROJ-SLOW");
        var steady = await PlatformApi.RegisterItemAsync(partner, "PROJ-STEADY");
        await ProjReceiveAsync(partner, "SEA1", slow, 200);
        await ProjReceiveAsync(partner, "SEA1", steady, 200);
        // Forecasting's refresh, standing in: half a unit a day for one, one a day for the other (200 units each, aged
        // LiquidationDaysAhead days at Liquidation). The engine marks the slow one down 20 % and puts the other on a 20 % deal.
        await ProjPublishForecastAsync(seller, slow, 45.5);
        await ProjPublishForecastAsync(seller, steady, 91);
        await Eventually.Until(
            async () => (await GetAsync<Page<ExcessRow>>(partner, "/api/liquidation/v1/excess")).Items,
            rows => rows.Count(r => r.DemandSource == DemandSource.Forecast && r.SellableUnits == 200 && r.ItemRegistered) == 2,
            ProjDeadline,
            "Liquidation holding both items, their stock and forecasts"
        );

        var recommendations = await (await PostAsync(partner, "/api/liquidation/v1/recommendations/recompute", null)).ReadAsync<
            List<RecommendationResponse>
        >();
        var markdown = recommendations.Single(r => r.Fnsku == slow);
        var deal = recommendations.Single(r => r.Fnsku == steady);
        Assert.That(
            (markdown.Action, markdown.Status, markdown.RecommendedPrice),
            Is.EqualTo((RecommendedAction.Markdown, RecommendationStatus.Proposed, (Money?)new Money(15.99m, "USD"))),
            markdown.Rationale
        );
        Assert.That(
            (deal.Action, deal.Status, deal.MarkdownPercent),
            Is.EqualTo((RecommendedAction.Promotion, RecommendationStatus.Proposed, (decimal?)20m)),
            deal.Rationale
        );

        await PostAsync(partner, $"/api/liquidation/v1/recommendations/{markdown.Id}/approve", new { note = "clear it" });
        await PostAsync(partner, $"/api/liquidation/v1/recommendations/{deal.Id}/approve", new { note = "run the deal" });

        var item = await Eventually.Until(
            () => GetAsync<ItemResponse>(partner, $"/api/receiving/v1/items/{slow}"),
            i => i.ListPrice.Amount != 19.99m,
            ProjDeadline,
            "the markdown in Receiving's catalogue"
        );
        Assert.That(item.ListPrice, Is.EqualTo(new Money(15.99m, "USD")));
        Assert.That((await GetAsync<ItemResponse>(partner, $"/api/receiving/v1/items/{steady}")).ListPrice.Amount, Is.EqualTo(19.99m));
        var promotions = await Eventually.Until(
            () => GetAsync<IReadOnlyList<Promotion>>(partner, $"/api/forecasting/v1/calendar/promotions?fnsku={steady}"),
            p => p.Count > 0,
            ProjDeadline,
            "the deal in Forecasting's calendar"
        );
        // The deal starts on the day Liquidation approved it (its clock runs ahead) and lasts the configured 14 days.
        var startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(LiquidationDaysAhead));
        var promotion = promotions.Single();
        Assert.That(
            (promotion.Fnsku, promotion.DiscountPercent, promotion.EndsOn.DayNumber - promotion.StartsOn.DayNumber, promotion.Featured),
            Is.EqualTo((steady, 20m, 13, false))
        );
        Assert.That(promotion.StartsOn, Is.InRange(startsOn.AddDays(-1), startsOn), "approved today on Liquidation's clock");
        // The repriced item reaches Liquidation too (ItemRegistered from Receiving): what it recommends next starts from $15.99.
        var next = await Eventually.Until(
            async () =>
                (
                    await (await PostAsync(partner, "/api/liquidation/v1/recommendations/recompute", null)).ReadAsync<
                        List<RecommendationResponse>
                    >()
                ).Single(r => r.Fnsku == slow),
            r => r.CurrentPrice.Amount != 19.99m,
            ProjDeadline,
            "Liquidation pricing the item at its new list price"
        );
        Assert.That(next.CurrentPrice, Is.EqualTo(new Money(15.99m, "USD")));
    }

    /// <summary>Plans a shipment of <paramref name="units"/> fresh units and scans them all sellable; returns their unit ids.</summary>
    private static async Task<IReadOnlyList<string>> ProjReceiveAsync(HttpClient partner, string center, string fnsku, int units)
    {
        var shipment = await CreateShipmentAsync(partner, center, (fnsku, units));
        var unitIds = Enumerable.Range(1, units).Select(i => $"proj-{shipment:N}-{i}").ToList();
        var scanned = await PlatformApi.ScanAsync(partner, shipment, fnsku, unitIds);
        Assert.That(scanned.Accepted, Is.EqualTo(units));
        await Eventually.Until(
            () => PlatformApi.StockAsync(partner, fnsku, center),
            s => s.OnHand >= units,
            ProjDeadline,
            $"{units} units of {fnsku} on hand at {center}"
        );
        return unitIds;
    }

    private static async Task<IReadOnlyList<AgedInventoryRow>> ProjAgesAsync(
        HttpClient partner,
        string fnsku,
        string stockKind = "sellable"
    ) => (await GetAsync<Page<AgedInventoryRow>>(partner, $"/api/liquidation/v1/aged-inventory?fnsku={fnsku}&stockKind={stockKind}")).Items;

    private static async Task<IReadOnlyList<string?>> ProjBinsOfAsync(HttpClient partner, IEnumerable<string> unitIds)
    {
        var bins = new List<string?>();
        foreach (var unitId in unitIds)
        {
            bins.Add((await GetAsync<UnitResponse>(partner, $"/api/receiving/v1/units/{unitId}")).BinId);
        }

        return bins;
    }

    private static async Task<decimal> ProjUsedAsync(HttpClient admin, string center, string binId) =>
        (await GetAsync<Page<BinResponse>>(admin, $"/api/receiving/v1/fulfillment-centers/{center}/bins?limit=500"))
            .Items.Single(b => b.BinId == binId)
            .UsedCubicFeet;

    /// <summary>Publishes a forecast on the platform's bus as Forecasting's refresh does after its models ran.</summary>
    private async Task ProjPublishForecastAsync(string seller, string fnsku, double totalUnitsOver91Days)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(_messaging)));
        await bus.StartAsync();
        try
        {
            await bus.Publish(
                new DemandForecastUpdated(
                    Guid.NewGuid(),
                    DateTimeOffset.UtcNow,
                    seller,
                    Guid.NewGuid(),
                    fnsku,
                    DateOnly.FromDateTime(DateTime.UtcNow),
                    91,
                    totalUnitsOver91Days,
                    [new RegionalDemand("US-West", totalUnitsOver91Days / 91, totalUnitsOver91Days / 91 * 1.4)],
                    "proj-loop"
                )
            );
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}

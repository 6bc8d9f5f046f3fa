using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// One seller's story through the gateway only, with all six services, RabbitMQ and PostgreSQL running: items registered,
/// two shipments received (a damaged unit, a shortage), orders from three regions allocated to the nearest FCs and
/// shipped, a sellable and a defective return, the defective and damaged units removed under an automatic liquidation
/// policy, a forecast refresh that raises a restock alert, and limits and KPIs that follow. At the end every number is
/// checked against what the story implies.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    [Test]
    public Task A_sellers_story_through_every_service_adds_up() => TellStoryAsync(ship => ship());

    [Test]
    public Task The_story_adds_up_with_the_broker_away_for_thirty_seconds_in_the_middle() =>
        TellStoryAsync(async ship =>
        {
            await TestInfrastructure.StopBrokerAsync();
            try
            {
                // Ship confirmations commit without the broker; their events wait in Allocation's outbox.
                var outage = Task.Delay(TimeSpan.FromSeconds(30));
                await ship();
                await outage;
            }
            finally
            {
                await TestInfrastructure.StartBrokerAsync();
            }
        });

    [Test]
    public Task The_story_adds_up_with_the_database_restarted_in_the_middle() =>
        TellStoryAsync(async ship =>
        {
            await TestInfrastructure.StopDatabaseAsync();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
            }
            finally
            {
                await TestInfrastructure.StartDatabaseAsync();
                Npgsql.NpgsqlConnection.ClearAllPools();
            }

            await ship();
        });

    /// <param name="aroundShipping">Runs the ship confirmations (the middle of the story), with whatever fault the test brings.</param>
    private async Task TellStoryAsync(Func<Func<Task>, Task> aroundShipping)
    {
        var seller = $"story-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));

        // Receiving: two items, a shipment to SEA1 (one mug damaged, one lamp short) and one to EWR9.
        var mug = await PlatformApi.RegisterItemAsync(partner, "STORY-MUG");
        var lamp = await PlatformApi.RegisterItemAsync(partner, "STORY-LAMP");
        var west = await CreateShipmentAsync(partner, "SEA1", (mug, 10), (lamp, 6));
        await PlatformApi.ScanAsync(partner, west, mug, Units(seller, "mug-w", 9));
        await PlatformApi.ScanAsync(partner, west, mug, Units(seller, "mug-w-dmg", 1), condition: "damaged");
        await PlatformApi.ScanAsync(partner, west, lamp, Units(seller, "lamp-w", 5));
        var east = await CreateShipmentAsync(partner, "EWR9", (mug, 8));
        await PlatformApi.ScanAsync(partner, east, mug, Units(seller, "mug-e", 8));
        var report = await PostAsync(partner, $"/api/receiving/v1/shipments/{west}/close", null);
        Assert.That(report["status"]!.GetValue<string>(), Is.EqualTo("closed"));
        await PostAsync(partner, $"/api/receiving/v1/shipments/{east}/close", null);
        var westReport = await GetAsync(partner, $"/api/receiving/v1/shipments/{west}/report");
        Assert.That((westReport["totals"]!["receivedDamaged"]!.GetValue<int>(), westReport["totals"]!["shortage"]!.GetValue<int>()), Is.EqualTo((1, 1)));
        await Eventually.Until(() => PlatformApi.StockAsync(partner, mug, "EWR9"), s => s.OnHand == 8, TimeSpan.FromSeconds(60), "the EWR9 mugs in stock");
        await Eventually.Until(() => PlatformApi.StockAsync(partner, lamp, "SEA1"), s => s.OnHand == 5, TimeSpan.FromSeconds(60), "the SEA1 lamps in stock");
        Assert.That(await PlatformApi.StockAsync(partner, mug, "SEA1"), Is.EqualTo((9, 1)));

        // Allocation: orders go to the nearest FC that holds them, one FC per order when one can.
        var westMugs = await OrderAsync(partner, "US-West", (mug, 2));
        var eastMugs = await OrderAsync(partner, "US-Northeast", (mug, 3));
        var centralLamp = await OrderAsync(partner, "US-Central", (lamp, 1));
        var westBoth = await OrderAsync(partner, "US-West", (mug, 1), (lamp, 1));
        Assert.That(
            new[] { westMugs.Center, eastMugs.Center, centralLamp.Center, westBoth.Center },
            Is.EqualTo(new[] { "SEA1", "EWR9", "SEA1", "SEA1" }), "nearest FC with the stock, no split");
        await aroundShipping(async () =>
        {
            foreach (var (id, center) in new[] { westMugs, eastMugs, centralLamp, westBoth })
            {
                // A partner retries a confirmation the platform could not take (database coming back): shipping twice is refused, never doubled.
                var shipped = await Eventually.Until(
                    () => partner.PostAsJsonAsync($"/api/allocation/v1/orders/{id}/shipments", new { fulfillmentCenter = center }),
                    r => (int)r.StatusCode < 500, TimeSpan.FromSeconds(60), "a ship confirmation accepted");
                Assert.That(shipped.StatusCode, Is.EqualTo(HttpStatusCode.OK), await shipped.Content.ReadAsStringAsync());
            }
        });

        // Returns: both mugs of the first order come back; one is sellable, one defective.
        var authorized = await Eventually.Until(
            () => partner.PostAsJsonAsync("/api/returns/v1/returns", new { orderId = westMugs.Id, fnsku = mug, quantity = 2, reason = "defective" }),
            r => r.StatusCode == HttpStatusCode.Created, TimeSpan.FromSeconds(60), "Returns knowing the shipment");
        var returnId = (await PlatformApi.JsonNodeOf(authorized))["id"]!.GetValue<Guid>();
        var returned = Units(seller, "ret", 2);
        await PostAsync(partner, "/api/returns/v1/receipts", new { fulfillmentCenter = "SEA1", returnId, unitIds = returned });
        await PostAsync(partner, $"/api/returns/v1/returns/{returnId}/inspections", new { unitIds = new[] { returned[0] }, grade = "sellable", inspector = "qa" });
        await PostAsync(partner, $"/api/returns/v1/returns/{returnId}/inspections", new { unitIds = new[] { returned[1] }, grade = "defective", inspector = "qa" });
        // SEA1 mugs: 9 − 2 − 1 shipped + 1 restocked = 7 on hand; 1 damaged at the dock + 1 defective = 2 unfulfillable.
        await Eventually.Until(() => PlatformApi.StockAsync(partner, mug, "SEA1"), s => s == (7, 2), TimeSpan.FromSeconds(60), "the returns in SEA1's stock");

        // Liquidation: under an automatic policy the unsellable mugs are removed to the seller, and leave the ledger.
        await PutAsync(partner, "/api/liquidation/v1/policy", new { mode = "automatic", maxMarkdownPercent = 20, minAgeDays = 0 });
        await Eventually.Until(
            async () => (await GetAsync(partner, $"/api/liquidation/v1/aged-inventory?fnsku={mug}&stockKind=unfulfillable"))["items"]!.AsArray().Sum(r => r!["total"]!.GetValue<int>()),
            total => total == 2, TimeSpan.FromSeconds(60), "Liquidation tracking the two unsellable mugs");
        var recommendations = (await PostAsync(partner, "/api/liquidation/v1/recommendations/recompute", null)).AsArray();
        var removal = recommendations.Single(r => r!["fnsku"]!.GetValue<string>() == mug && r["stockKind"]!.GetValue<string>() == "unfulfillable")!;
        Assert.That(removal["status"]!.GetValue<string>(), Is.EqualTo("approved"), removal["rationale"]?.ToString());
        var removalOrder = removal["orderId"]!.GetValue<Guid>();
        await PostAsync(partner, $"/api/liquidation/v1/orders/{removalOrder}/start", null);
        await PostAsync(partner, $"/api/liquidation/v1/orders/{removalOrder}/complete", null);
        await Eventually.Until(() => PlatformApi.StockAsync(partner, mug, "SEA1"), s => s == (7, 0), TimeSpan.FromSeconds(60), "the removed mugs off the ledger");

        // Forecasting: the shipments are sales history; with two months of imported lamp sales the lamp needs restocking.
        var history = await Eventually.Until(
            async () => (await GetAsync(partner, $"/api/forecasting/v1/history/{mug}?from={DateTime.UtcNow.AddDays(-2):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}"))["days"]!
                .AsArray().GroupBy(d => d!["region"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Sum(d => d!["units"]!.GetValue<int>())),
            byRegion => byRegion.Values.Sum() == 6, TimeSpan.FromSeconds(60), "the shipped mugs in the sales history");
        Assert.That(history, Is.EquivalentTo(new Dictionary<string, int> { ["US-West"] = 3, ["US-Northeast"] = 3 }));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sales = Enumerable.Range(1, 60).Select(d => new { date = today.AddDays(-d), fnsku = lamp, region = "US-West", units = 3 }).ToArray();
        await PostAsync(partner, "/api/forecasting/v1/history/import", new { marketplace = "US", sales });
        await PostAsync(partner, "/api/forecasting/v1/forecasts/refresh", null);
        var alerts = await Eventually.Until(
            async () => (await GetAsync(partner, $"/api/forecasting/v1/alerts?fnsku={lamp}"))["items"]!.AsArray(),
            items => items.Count > 0, TimeSpan.FromSeconds(60), "a restock alert for the lamp");
        Assert.That(alerts, Has.Count.EqualTo(1), "one alert per crossing of the reorder point");

        // Returns analytics: 2 of the 6 mugs shipped came back.
        var rate = (await GetAsync(partner, $"/api/returns/v1/analytics/return-rates?fnsku={mug}"))["items"]![0]!;
        Assert.That((rate["shippedUnits"]!.GetValue<int>(), rate["returnedUnits"]!.GetValue<int>()), Is.EqualTo((6, 2)));

        // Limits: what is stored is what the ledger holds, in cubic feet (a 20 × 15 × 10 cm item is 0.1059 ft³).
        // Ledger: SEA1 mugs 7, SEA1 lamps 5 − 2 shipped = 3, EWR9 mugs 8 − 3 = 5; nothing unfulfillable any more.
        Assert.That(await PlatformApi.StockAsync(partner, lamp, "SEA1"), Is.EqualTo((3, 0)));
        Assert.That(await PlatformApi.StockAsync(partner, mug, "EWR9"), Is.EqualTo((5, 0)));
        var usage = await Eventually.Until(
            async () => (await GetAsync(partner, "/api/limits/v1/usage"))["usage"]!.AsArray().Single(u => u!["storageType"]!.GetValue<string>() == "standard")!,
            u => Math.Abs(u["storedCubicFeet"]!.GetValue<decimal>() - (15 * 0.1059m)) < 0.01m, TimeSpan.FromSeconds(60), "15 units stored at Limits");
        Assert.That(usage["inboundCubicFeet"]!.GetValue<decimal>(), Is.Zero, "both shipments closed: nothing held for inbound");
        var kpis = await Eventually.Until(
            async () => (await GetAsync(partner, "/api/limits/v1/kpis?days=1"))["kpis"]!,
            k => k["unitsShipped"]!.GetValue<int>() == 8 && k["orderDefects"]!["defectiveReturns"]!.GetValue<int>() == 1,
            TimeSpan.FromSeconds(60), "8 units shipped and one defective return in the KPIs");
        Assert.That(kpis["unitsOnHand"]!.GetValue<int>(), Is.EqualTo(15));
        Assert.That(kpis["orderDefects"]!["orders"]!.GetValue<int>(), Is.EqualTo(4));

        // And underneath: the journal rebuilds every balance, every outbox is sent, no message failed.
        await LedgerAudit.AssertJournalAgreesWithBalancesAsync(_database);
        var errors = await TestInfrastructure.ErrorQueuesAsync(_messaging);
        Assert.That(errors.Values.Sum(), Is.Zero, string.Join(", ", errors.Where(e => e.Value > 0).Select(e => $"{e.Key}={e.Value}")));
    }

    // Unit ids are unique across the network: each story's units carry its seller.
    private static string[] Units(string seller, string prefix, int count) => Enumerable.Range(1, count).Select(i => $"{seller}-{prefix}-{i}").ToArray();

    /// <summary>Plans a shipment, trying again while Limits cannot answer (503 "try again": its bus reconnecting after an outage).</summary>
    private static async Task<Guid> CreateShipmentAsync(HttpClient partner, string center, params (string Fnsku, int Units)[] lines)
    {
        var created = await Eventually.Until(
            () => partner.PostAsJsonAsync("/api/receiving/v1/shipments", new { fulfillmentCenter = center, lines = lines.Select(l => new { fnsku = l.Fnsku, expectedUnits = l.Units }) }),
            r => r.StatusCode != HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(90), "a shipment accepted");
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await PlatformApi.JsonNodeOf(created))["id"]!.GetValue<Guid>();
    }

    private async Task<string> IssueKeyAsync(string seller)
    {
        using var admin = Gateway(AdminKey);
        var issued = await PostAsync(admin, "/api/gateway/v1/keys", new { sellerId = seller, scopes = PlatformScopes.All.Where(s => s != PlatformScopes.Admin) });
        return issued["key"]!.GetValue<string>();
    }

    private static async Task<(Guid Id, string Center)> OrderAsync(HttpClient partner, string region, params (string Fnsku, int Quantity)[] lines)
    {
        var order = await PostAsync(partner, "/api/allocation/v1/orders", new
        {
            marketplace = "US",
            shipToRegion = region,
            lines = lines.Select(l => new { fnsku = l.Fnsku, quantity = l.Quantity, unitPrice = new { amount = 14.99, currency = "USD" } }),
        });
        var centers = order["lines"]!.AsArray().SelectMany(l => l!["allocations"]!.AsArray()).Select(a => a!["fulfillmentCenter"]!.GetValue<string>()).Distinct().ToList();
        Assert.That(centers, Has.Count.EqualTo(1), order.ToJsonString());
        return (order["id"]!.GetValue<Guid>(), centers[0]);
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object? body)
    {
        var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task PutAsync(HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync(path, body);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}

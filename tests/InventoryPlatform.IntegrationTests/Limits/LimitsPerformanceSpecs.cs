using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Api;
using MassTransit;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests.LimitsSpecs;

/// <summary>
/// Limits fed by scripted events on the real broker: the KPIs they add up to (JSON and PNG), the score and limits recomputed
/// on demand and on the schedule, overage after a limit drop, utilization per FC, and bad input that stores nothing.
/// Here every seller is established from the start (no starter period), with a standard floor of 10 ft³.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class LimitsPerformanceSpecs(DatabaseProvider provider)
{
    private LimitsPlatform _platform = null!;
    private EventProbe<CapacityLimitsUpdated> _limitsUpdated = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _platform = await LimitsPlatform.StartAsync(
            provider,
            "limitsperf",
            new Dictionary<string, string>
            {
                ["Limits:NewSellerDays"] = "0",
                ["Limits:FloorCubicFeet:Standard"] = "10",
                ["Limits:RecomputeInterval"] = "00:00:01",
                ["Limits:SchedulePollInterval"] = "00:00:00.250",
            },
            withReceiving: false
        );
        _limitsUpdated = await EventProbe.StartAsync<CapacityLimitsUpdated>(_platform.Messaging);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_limitsUpdated is not null)
        {
            await _limitsUpdated.DisposeAsync();
        }
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    [Test]
    public async Task Stock_keeps_the_newest_version_per_FC_and_the_days_snapshot_sums_the_FCs()
    {
        var seller = "perf-versions";
        const string fnsku = "X0PERFV001";
        var now = DateTimeOffset.UtcNow;
        var day = DateTime.SpecifyKind(now.UtcDateTime.Date, DateTimeKind.Unspecified);
        await RegisterCubicFootItemAsync(seller, fnsku);
        async Task<(long OnHand, long Available)> SnapshotAsync() =>
            (
                await _platform.ScalarAsync<long>(
                    "SELECT CAST(on_hand AS bigint) FROM limits.stock_days WHERE seller_id = @seller AND day = @day",
                    new { seller, day }
                ),
                await _platform.ScalarAsync<long>(
                    "SELECT CAST(available AS bigint) FROM limits.stock_days WHERE seller_id = @seller AND day = @day",
                    new { seller, day }
                )
            );
        Task<int> CountAsync(string where, object parameters) => _platform.ScalarAsync<int>($"SELECT COUNT(*) FROM {where}", parameters);

        await Publish(new StockChanged(Guid.NewGuid(), now, seller, Guid.NewGuid(), fnsku, "SEA1", 10, 0, 0, 0, 0, 1, "Received"));
        await Publish(new StockChanged(Guid.NewGuid(), now, seller, Guid.NewGuid(), fnsku, "PHX3", 5, 1, 0, 0, 0, 1, "Received"));
        await Eventually.Until(SnapshotAsync, s => s == (15, 14), TimeSpan.FromSeconds(30), "both FCs in the day's snapshot");

        // SEA1 version 3: 7 on hand, 2 reserved. The day now holds 7 + 5 on hand, 5 + 4 available.
        await Publish(new StockChanged(Guid.NewGuid(), now, seller, Guid.NewGuid(), fnsku, "SEA1", 7, 2, 0, 0, 0, 3, "Reserved"));
        await Eventually.Until(SnapshotAsync, s => s == (12, 9), TimeSpan.FromSeconds(30), "SEA1's version 3 in the snapshot");

        // SEA1 version 2 arrives late: consumed and ignored, by the FC row and by the snapshot.
        var late = Guid.NewGuid();
        await Publish(new StockChanged(Guid.NewGuid(), now, seller, Guid.NewGuid(), fnsku, "SEA1", 100, 0, 0, 0, 0, 2, "Received"), late);
        await Eventually.Until(
            () => CountAsync("limits.inbox WHERE message_id = @late", new { late }),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            "the late change consumed"
        );
        Assert.That(
            await CountAsync(
                "limits.stock WHERE seller_id = @seller AND fulfillment_center = 'SEA1' AND on_hand = 7 AND available = 5 AND version = 3",
                new { seller }
            ),
            Is.EqualTo(1),
            "SEA1 still holds version 3"
        );
        Assert.That(await SnapshotAsync(), Is.EqualTo((12L, 9L)));
        // The volume also needs the item's registration, a separate event.
        await Eventually.Until(
            async () => (await LimitsPlatform.UsageOfAsync(_platform.Limits.ClientFor(seller), StorageType.Standard)).StoredCubicFeet,
            feet => feet == 12m,
            TimeSpan.FromSeconds(30),
            "12 one-cubic-foot units stored"
        );
    }

    [Test]
    public async Task KPIs_follow_a_scripted_sequence_of_events()
    {
        var seller = "perf-kpi";
        const string a = "X0PERFA001";
        const string b = "X0PERFB001";
        var now = DateTimeOffset.UtcNow;
        await RegisterCubicFootItemAsync(seller, a);
        await Publish(new StockChanged(Guid.NewGuid(), now, seller, Guid.NewGuid(), a, "SEA1", 10, 0, 0, 0, 0, 1, "Received"));
        // B was never registered: its stock is stranded.
        await Publish(new StockChanged(Guid.NewGuid(), now, seller, Guid.NewGuid(), b, "SEA1", 6, 0, 0, 0, 0, 1, "Received"));
        double[] hours = [10, 20, 30, 60];
        foreach (var h in hours)
        {
            await Publish(
                new OrderShipped(
                    Guid.NewGuid(),
                    now,
                    seller,
                    Guid.NewGuid(),
                    Guid.NewGuid(),
                    "US",
                    "SEA1",
                    "US-West",
                    [new OrderLine(a, 1, new Money(10, "USD"))],
                    h
                )
            );
        }

        await Publish(new OrderCancelled(Guid.NewGuid(), now, seller, Guid.NewGuid(), Guid.NewGuid(), "Customer changed mind"));
        await Publish(
            new UnsellableReturnReceived(Guid.NewGuid(), now, seller, Guid.NewGuid(), Guid.NewGuid(), a, "SEA1", 1, ReturnGrade.Defective)
        );
        await Publish(
            new UnsellableReturnReceived(
                Guid.NewGuid(),
                now,
                seller,
                Guid.NewGuid(),
                Guid.NewGuid(),
                a,
                "SEA1",
                1,
                ReturnGrade.CustomerDamaged
            )
        );
        await Publish(
            new InboundShipmentClosed(
                Guid.NewGuid(),
                now,
                seller,
                Guid.NewGuid(),
                Guid.NewGuid(),
                "SEA1",
                [new ShipmentLineDiscrepancy(a, 12, 10, 0, 2, 0)]
            )
        );
        // 900 units over 90 days: 10 a day, so A's stock is far from excess.
        await Publish(
            new DemandForecastUpdated(
                Guid.NewGuid(),
                now,
                seller,
                Guid.NewGuid(),
                a,
                DateOnly.FromDateTime(now.UtcDateTime),
                90,
                900,
                [],
                "ets"
            )
        );
        await Publish(new StockChanged(Guid.NewGuid(), now.AddSeconds(1), seller, Guid.NewGuid(), a, "SEA1", 6, 0, 0, 0, 0, 2, "Shipped"));

        var client = _platform.Limits.ClientFor(seller);
        var kpis = await Eventually.Until(
            async () => (await (await client.GetAsync("/api/limits/v1/kpis?days=1")).ReadAsync<KpiResponse>()).Kpis,
            k =>
                k.UnitsShipped == 4
                && k.UnitsOnHand == 12
                && k.OrderDefects.Orders == 5
                && k.OrderDefects.DefectiveReturns == 1
                && k.ExcessUnits == 6
                && k.InboundShipmentsClosed == 1
                // A registered (its ItemRegistered consumed): only B's 6 units are stranded.
                && k.StrandedUnits == 6,
            TimeSpan.FromSeconds(30),
            "every scripted event counted"
        );

        // On hand 6 of A + 6 of B. Turnover 4 ÷ 12; sell-through over 90 days 4 ÷ (12 ÷ 90) = 30.
        Assert.That(kpis.InventoryTurnover, Is.EqualTo(4 / 12.0).Within(1e-9));
        Assert.That(kpis.SellThroughRate90Days, Is.EqualTo(30).Within(1e-9));
        // 5 orders (4 shipped, 1 cancelled); defects: the cancel, the 60 h shipment and the defective return (not the customer-damaged
        // one).
        Assert.That(kpis.OrderDefects.Cancelled, Is.EqualTo(1));
        Assert.That(kpis.OrderDefects.Late, Is.EqualTo(1));
        Assert.That(kpis.OrderDefects.Rate, Is.EqualTo(0.6).Within(1e-12));
        Assert.That(kpis.FulfillmentSpeed.P50Hours, Is.EqualTo(20));
        Assert.That(kpis.FulfillmentSpeed.P90Hours, Is.EqualTo(60));
        Assert.That(kpis.InStockRate, Is.EqualTo(1.0));
        Assert.That(kpis.StrandedUnits, Is.EqualTo(6));
        Assert.That(kpis.ExcessShare, Is.EqualTo(0.5), "B's 6 units have no demand at all");
        Assert.That((kpis.InboundUnitsExpected, kpis.InboundUnitsReceived), Is.EqualTo((12, 10)));
        var series = kpis.Series;
        Assert.That(series, Has.Count.EqualTo(1));
        Assert.That(series[0].UnitsOnHand, Is.EqualTo(12));

        // A week's series: the six days before had no stock yet.
        var week = (await (await client.GetAsync("/api/limits/v1/kpis?days=7")).ReadAsync<KpiResponse>()).Kpis.Series;
        Assert.That(week.Select(p => p.UnitsOnHand), Is.EqualTo(new[] { 0, 0, 0, 0, 0, 0, 12 }));

        var chart = await client.GetAsync("/api/limits/v1/kpis/chart.png?days=7&kpi=unitsOnHand,unitsShipped,orderDefectRate");
        var png = await chart.Content.ReadAsByteArrayAsync();
        Assert.That(chart.StatusCode, Is.EqualTo(HttpStatusCode.OK), System.Text.Encoding.UTF8.GetString(png));
        Assert.That(chart.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        Assert.That(png, Has.Length.GreaterThan(5_000), "a drawn chart, not an empty image");

        var admin = _platform.Limits.ClientFor("ops", "inventory:read", "admin");
        var network = await (await admin.GetAsync("/api/limits/v1/kpis/network?days=1")).ReadAsync<KpiResponse>();
        Assert.That(network.Kpis.UnitsShipped, Is.GreaterThanOrEqualTo(4));
        var sea1 = network.FulfillmentCenters.Single(f => f.FulfillmentCenter == "SEA1" && f.StorageType == StorageType.Standard);
        Assert.That(sea1.StoredCubicFeet, Is.GreaterThanOrEqualTo(6m));
        Assert.That((await client.GetAsync("/api/limits/v1/kpis/network")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var asAdmin = await (await admin.GetAsync($"/api/limits/v1/kpis?days=1&sellerId={seller}")).ReadAsync<KpiResponse>();
        Assert.That(asAdmin.Kpis.UnitsShipped, Is.EqualTo(4), "admin reads across sellers");
    }

    [Test]
    public async Task A_limit_dropping_under_the_stock_records_the_overage_and_its_fee_and_flags_the_seller()
    {
        var seller = "perf-over";
        const string c = "X0PERFC001";
        await RegisterCubicFootItemAsync(seller, c);
        await Publish(
            new StockChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), c, "SEA1", 50, 0, 0, 0, 0, 1, "Received")
        );
        var client = _platform.Limits.ClientFor(seller);
        // Limits learns of the seller from the events: until they are consumed its usage is 404.
        await Eventually.Until(
            async () =>
                (await client.GetAsync("/api/limits/v1/usage")).IsSuccessStatusCode
                    ? (await LimitsPlatform.UsageOfAsync(client, StorageType.Standard)).StoredCubicFeet
                    : -1m,
            v => v == 50m,
            TimeSpan.FromSeconds(20),
            "50 ft³ stored"
        );

        var response = await client.PostAsync($"/api/limits/v1/sellers/{seller}/recompute", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var result = await response.ReadAsync<RecomputeResponse>();
        // No sales: the derived standard limit is the floor, 10 ft³; 40 ft³ over at $10 per ft³ a month is $13.33 a day.
        Assert.That(result.Limits.Single(l => l.StorageType == StorageType.Standard).LimitCubicFeet, Is.EqualTo(10m));
        var overage = result.Overages.Single();
        Assert.That(overage.OverageCubicFeet, Is.EqualTo(40m));
        Assert.That(overage.DailyFee, Is.EqualTo(13.33m));

        var overages = await (await client.GetAsync("/api/limits/v1/overages?days=1")).ReadAsync<OverageResponse>();
        Assert.That(overages.OverLimit, Is.True);
        Assert.That(overages.TotalFee, Is.EqualTo(13.33m));
        Assert.That(overages.Items.Single().OverageCubicFeet, Is.EqualTo(40m));
        var limits = await (await client.GetAsync("/api/limits/v1/limits")).ReadAsync<LimitsResponse>();
        Assert.That(limits.OverLimit, Is.True);
        var published = await _limitsUpdated.WaitForAsync(
            e => e.SellerId == seller && e.Limits.Any(l => l.StorageType == StorageType.Standard && l.LimitCubicFeet == 10m),
            "CapacityLimitsUpdated with the floor"
        );
        Assert.That(published.Limits.Select(l => l.StorageType), Is.EquivalentTo(Enum.GetValues<StorageType>()));

        // Going over is told once: a recompute that finds the seller still over publishes nothing more.
        var again = await client.PostAsync($"/api/limits/v1/sellers/{seller}/recompute", null);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), await again.Content.ReadAsStringAsync());
        var exceeded = await TestInfrastructure.QueryAsync<string>(
            provider,
            _platform.Database,
            "SELECT body FROM limits.outbox WHERE message_type LIKE @type",
            new { type = $"%.{nameof(StorageLimitExceeded)},%" }
        );
        var ofSeller = exceeded.Select(PlatformJson.OutboxBody<StorageLimitExceeded>).Where(e => e.SellerId == seller).ToList();
        Assert.That(ofSeller, Has.Count.EqualTo(1));
        var over = ofSeller[0].Overages.Single();
        Assert.That((over.StorageType, over.LimitCubicFeet, over.OverageCubicFeet), Is.EqualTo((StorageType.Standard, 10m, 40m)));
        Assert.That(over.DailyFee, Is.EqualTo(new Money(13.33m, "USD")));
    }

    [Test]
    public async Task The_schedule_recomputes_every_seller_without_being_asked()
    {
        var seller = "perf-sched";
        await RegisterCubicFootItemAsync(seller, "X0PERFS001");
        var client = _platform.Limits.ClientFor(seller);

        var limits = await Eventually.Until(
            async () => await (await client.GetAsync("/api/limits/v1/limits")).ReadAsync<LimitsResponse>(),
            l => l.PerformanceScore is not null,
            TimeSpan.FromSeconds(20),
            "a scheduled recompute of the new seller"
        );

        Assert.That(
            limits.Limits.Single(l => l.StorageType == StorageType.Standard).LimitCubicFeet,
            Is.EqualTo(10m),
            "the starter limit was replaced by the derived one"
        );
        var score = await (await client.GetAsync("/api/limits/v1/score")).ReadAsync<ScoreResponse>();
        Assert.That(score.History, Has.Count.EqualTo(1));
        Assert.That(
            score.Components.Select(c => c.Name),
            Is.EqualTo(new[] { "excessShare", "sellThroughRate", "strandedShare", "inStockRate" })
        );
        Assert.That(
            await _platform.ScalarAsync<DateTime>("SELECT next_run_at FROM limits.scheduled_jobs WHERE name = 'recompute'"),
            Is.GreaterThan(DateTime.UtcNow.AddSeconds(-5)),
            "the lease row moved forward"
        );
    }

    [Test]
    public async Task Utilization_per_FC_is_occupied_over_the_capacity_an_admin_set()
    {
        var seller = "perf-util";
        const string d = "X0PERFD001";
        var admin = _platform.Limits.ClientFor("ops", "inventory:read", "inventory:write", "admin");
        var put = await admin.PutAsJsonAsync(
            "/api/limits/v1/fulfillment-centers/NRT1/capacities/standard",
            new { capacityCubicFeet = 100 }
        );
        // NRT1 is a network FC, so it may have a capacity already (200) or get its first one (201).
        Assert.That(put.StatusCode, Is.AnyOf(HttpStatusCode.Created, HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        await RegisterCubicFootItemAsync(seller, d);
        await Publish(
            new StockChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), d, "NRT1", 25, 0, 0, 0, 0, 1, "Received")
        );

        var nrt1 = await Eventually.Until(
            async () =>
                (
                    await (await _platform.Limits.ClientFor(seller).GetAsync("/api/limits/v1/utilization")).ReadAsync<UtilizationResponse>()
                ).Items.Single(i => i.FulfillmentCenter == "NRT1" && i.StorageType == StorageType.Standard),
            i => i.StoredCubicFeet == 25m,
            TimeSpan.FromSeconds(20),
            "25 ft³ stored at NRT1"
        );

        Assert.That(nrt1.Utilization, Is.EqualTo(0.25));
        Assert.That(nrt1.CapacityCubicFeet, Is.EqualTo(100m));
    }

    [Test]
    public async Task Bad_input_is_refused_naming_the_field_and_stores_nothing()
    {
        var admin = _platform.Limits.ClientFor("ops", "inventory:read", "inventory:write", "admin");
        var partner = _platform.Limits.ClientFor("perf-bad");

        await AssertInvalid(
            await admin.PutAsJsonAsync("/api/limits/v1/fulfillment-centers/SEA1/capacities/standard", new { capacityCubicFeet = -5 }),
            "capacityCubicFeet"
        );
        await AssertInvalid(
            await admin.PutAsJsonAsync("/api/limits/v1/fulfillment-centers/SEA1/capacities/plasma", new { capacityCubicFeet = 5 }),
            "storageType"
        );
        await AssertInvalid(
            await admin.PutAsJsonAsync("/api/limits/v1/fulfillment-centers/SEA1/capacities/1", new { capacityCubicFeet = 5 }),
            "storageType"
        );
        await AssertInvalid(
            await admin.PutAsJsonAsync("/api/limits/v1/fulfillment-centers/SEA-1!/capacities/standard", new { capacityCubicFeet = 5 }),
            "code"
        );
        Assert.That(
            (
                await partner.PutAsJsonAsync("/api/limits/v1/fulfillment-centers/SEA1/capacities/standard", new { capacityCubicFeet = 1 })
            ).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden),
            "only admin edits the network"
        );
        Assert.That(
            await _platform.ScalarAsync<decimal>(
                "SELECT capacity_cubic_feet FROM limits.fc_capacities WHERE fulfillment_center = 'SEA1' AND storage_type = 'Standard'"
            ),
            Is.EqualTo(525_000m)
        );
        Assert.That(
            await _platform.ScalarAsync<int>(
                "SELECT COUNT(*) FROM limits.fc_capacities WHERE fulfillment_center = 'SEA-1!' OR storage_type = 'plasma'"
            ),
            Is.Zero
        );

        await AssertInvalid(await admin.GetAsync("/api/limits/v1/kpis/network?days=0"), "days");
        await AssertInvalid(await admin.GetAsync("/api/limits/v1/kpis/network?from=2026-13-01"), "from");
        await AssertInvalid(await admin.GetAsync("/api/limits/v1/kpis/network?from=2026-11-20&to=2026-11-01"), "from");
        await AssertInvalid(await admin.GetAsync("/api/limits/v1/kpis/network?days=3&to=2026-11-01"), "days");
        await AssertInvalid(await admin.GetAsync("/api/limits/v1/kpis/chart.png?kpi=happiness&sellerId=perf-kpi"), "kpi");
        await AssertInvalid(await admin.PostAsync("/api/limits/v1/sellers/not%20a%20seller/recompute", null), "sellerId");

        // Another seller's data is not there for a partner: 403 when named in ?sellerId= (the platform's one rule), 404 at
        // another seller's recompute, which creates nothing.
        await RegisterCubicFootItemAsync("perf-victim", "X0PERFV001");
        await Eventually.Until(
            () => _platform.ScalarAsync<int>("SELECT COUNT(*) FROM limits.sellers WHERE seller_id = 'perf-victim'"),
            n => n == 1,
            TimeSpan.FromSeconds(20),
            "victim known"
        );
        Assert.That(
            (await partner.GetAsync("/api/limits/v1/limits?sellerId=perf-victim")).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden)
        );
        Assert.That((await partner.GetAsync("/api/limits/v1/kpis?sellerId=perf-victim")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(
            (await partner.PostAsync("/api/limits/v1/sellers/perf-victim/recompute", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        Assert.That(
            (await admin.PostAsync("/api/limits/v1/sellers/nobody-known/recompute", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        Assert.That(
            await _platform.ScalarAsync<int>("SELECT COUNT(*) FROM limits.sellers WHERE seller_id IN ('perf-bad', 'nobody-known')"),
            Is.Zero
        );
    }

    private async Task RegisterCubicFootItemAsync(string seller, string fnsku) =>
        // 30.48 cm on each side is exactly one cubic foot.
        await Publish(
            new ItemRegistered(
                Guid.NewGuid(),
                DateTimeOffset.UtcNow,
                seller,
                Guid.NewGuid(),
                fnsku,
                fnsku,
                "Cube",
                StorageType.Standard,
                new Dimensions(30.48m, 30.48m, 30.48m, 1m),
                new Money(20, "USD"),
                false
            )
        );

    private Task Publish<T>(T message, Guid? messageId = null)
        where T : class => _platform.Bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    private static async Task AssertInvalid(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That((await response.ReadAsync<HttpValidationProblemDetails>()).Errors, Does.ContainKey(field), body);
    }
}

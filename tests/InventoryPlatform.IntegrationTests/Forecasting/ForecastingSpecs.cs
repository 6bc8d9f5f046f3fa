using System.Net;
using System.Net.Http.Json;
using System.Text;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Api;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Hosting;
using MassTransit;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests.DemandForecasting;

/// <summary>Forecasting on real PostgreSQL (or SQL Server) and RabbitMQ: history, refresh, alerts, accuracy, bad input.</summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class ForecastingSpecs(DatabaseProvider provider)
{
    private ForecastingFixture _fixture = null!;

    private DateOnly Today => DateOnly.FromDateTime(_fixture.Clock.GetUtcNow().UtcDateTime);

    [OneTimeSetUp]
    public async Task Start() => _fixture = await ForecastingFixture.StartAsync(provider, "forecasting");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }

    [Test]
    public async Task The_batching_stock_consumer_prefetches_more_than_the_others()
    {
        var prefetches = await TestInfrastructure.ConsumerPrefetchesAsync(
            _fixture.Messaging,
            "forecasting-stock-changed",
            "forecasting-order-shipped"
        );
        Assert.That(prefetches["forecasting-stock-changed"], Is.All.EqualTo(128));
        Assert.That(prefetches["forecasting-order-shipped"], Is.All.EqualTo(32));
    }

    [Test]
    public async Task Shipped_orders_become_daily_history_per_region_once_each()
    {
        const string seller = "fc-shipped";
        const string fnsku = "X0SHPD0001";
        var yesterday = _fixture.Clock.GetUtcNow().AddDays(-1);
        var repeated = Guid.NewGuid();
        await Publish(Shipped(seller, yesterday, "US-West", (fnsku, 3), (fnsku, 1)));
        await Publish(Shipped(seller, yesterday.AddHours(2), "US-West", (fnsku, 2)), repeated);
        await Publish(Shipped(seller, yesterday.AddHours(2), "US-West", (fnsku, 2)), repeated); // redelivered: counted once
        await Publish(Shipped(seller, yesterday, "US-East", (fnsku, 5)));
        await Publish(Shipped(seller, yesterday.AddDays(-1), "US-East", (fnsku, 7)));

        var client = _fixture.Service.ClientFor(seller);
        var days = await Eventually.Until(
            async () => await History(client, fnsku),
            d => d.Sum(x => x.Units) == 18,
            TimeSpan.FromSeconds(30),
            "the shipped units in the history"
        );

        Assert.That(
            days,
            Is.EquivalentTo(
                new[] { (Today.AddDays(-1), "US-West", 6), (Today.AddDays(-1), "US-East", 5), (Today.AddDays(-2), "US-East", 7) }
            )
        );
        Assert.That(
            (await _fixture.Service.ClientFor("fc-other").GetAsync($"/api/forecasting/v1/history/{fnsku}")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound),
            "another seller does not see it"
        );
    }

    [Test]
    public async Task A_refresh_forecasts_13_weeks_with_intervals_publishes_the_regional_split_and_draws_a_chart()
    {
        const string seller = "fc-refresh";
        const string fnsku = "X0RFSH0001";
        await using var probe = await EventProbe.StartAsync<DemandForecastUpdated>(_fixture.Messaging);
        var client = _fixture.Service.ClientFor(seller);
        await Import(client, fnsku, days: 70, ("US-West", 12), ("US-Northeast", 4));

        var refresh = await client.RefreshForecastsAsync();
        Assert.That(refresh.Counts, Is.EqualTo(new RefreshCounts(2, 0, 0)), "two regions forecast, nothing skipped or capped");

        var updated = await probe.WaitForAsync(e => e.SellerId == seller && e.Fnsku == fnsku, "DemandForecastUpdated");
        Assert.That(updated.HorizonDays, Is.EqualTo(91));
        Assert.That(updated.From, Is.EqualTo(Today));
        var west = updated.Regions.Single(r => r.Region == "US-West");
        var east = updated.Regions.Single(r => r.Region == "US-Northeast");
        Assert.That(west.DailyUnitsP50, Is.EqualTo(12).Within(1.5));
        Assert.That(east.DailyUnitsP50, Is.EqualTo(4).Within(1));
        Assert.That(updated.TotalUnitsP50, Is.EqualTo(16 * 91).Within(16 * 91 * 0.1));

        var forecast = await (await client.GetAsync($"/api/forecasting/v1/forecasts/{fnsku}")).ReadAsync<ForecastResponse>();
        var total = forecast.Total;
        Assert.That(total, Has.Count.EqualTo(91));
        foreach (var day in total)
        {
            Assert.That(day.P10, Is.LessThanOrEqualTo(day.P50));
            Assert.That(day.P90, Is.GreaterThanOrEqualTo(day.P50));
        }

        var regions = forecast.Regions;
        Assert.That(
            regions.Select(r => r.Candidates.Count),
            Has.All.GreaterThanOrEqualTo(7),
            "every candidate's backtest accuracy is kept"
        );
        Assert.That(regions.Select(r => r.Guard), Has.All.Null, "steady sales: nothing beyond history to cap");

        var chart = await client.GetAsync($"/api/forecasting/v1/forecasts/{fnsku}/chart.png");
        Assert.That(chart.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        var png = await chart.Content.ReadAsByteArrayAsync();
        Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        Assert.That(png, Has.Length.GreaterThan(5000));
    }

    [Test]
    public async Task Accuracy_is_measured_against_the_actuals_that_arrive_after_a_forecast()
    {
        const string seller = "fc-accuracy";
        const string fnsku = "X0ACCY0001";
        var client = _fixture.Service.ClientFor(seller);
        await Import(client, fnsku, days: 56, ("US-West", 10));
        await client.RefreshForecastsAsync();

        // A week later 20 a day sold instead of about 10: the forecast was too low by half.
        var forecastDay = Today;
        var actuals = Enumerable
            .Range(0, 7)
            .Select(d => new
            {
                date = forecastDay.AddDays(d),
                fnsku,
                region = "US-West",
                units = 20,
            })
            .ToArray();
        _fixture.Clock.Advance(TimeSpan.FromDays(7));
        Assert.That(
            (await client.PostAsJsonAsync("/api/forecasting/v1/history/import", new { sales = actuals })).StatusCode,
            Is.EqualTo(HttpStatusCode.OK)
        );
        await client.RefreshForecastsAsync();

        var accuracy = (
            await (await client.GetAsync($"/api/forecasting/v1/accuracy?fnsku={fnsku}")).ReadAsync<List<AccuracyRecord>>()
        ).Single();
        Assert.That(accuracy.Days, Is.EqualTo(7));
        Assert.That(accuracy.Wape, Is.EqualTo(0.5).Within(0.1));
        Assert.That(accuracy.Mape, Is.EqualTo(0.5).Within(0.1));
        Assert.That(accuracy.Bias, Is.EqualTo(-0.5).Within(0.1), "under-forecast: negative bias");
        // Every actual (20) above the interval around 10: none covered; pinball (0.1 + 0.5 + 0.9) / 3 × 10 = 5 units a day.
        Assert.That(accuracy.Coverage, Is.EqualTo(0));
        Assert.That(accuracy.Pinball, Is.EqualTo(5).Within(0.75));
    }

    [Test]
    public async Task The_stock_projection_keeps_the_newest_version_and_a_late_older_change_changes_nothing()
    {
        const string seller = "fc-versions";
        const string fnsku = "X0VERS0001";
        async Task<(int Available, int Inbound, long Version)> HeldAsync() =>
            (
                await _fixture.ScalarAsync<int>(
                    "SELECT available FROM forecasting.stock WHERE seller_id = @seller AND fulfillment_center = 'SEA1'",
                    new { seller }
                ),
                await _fixture.ScalarAsync<int>(
                    "SELECT inbound + in_transit FROM forecasting.stock WHERE seller_id = @seller AND fulfillment_center = 'SEA1'",
                    new { seller }
                ),
                await _fixture.ScalarAsync<long>(
                    "SELECT version FROM forecasting.stock WHERE seller_id = @seller AND fulfillment_center = 'SEA1'",
                    new { seller }
                )
            );

        // Version 2 first: the row is created with it (60 on hand − 10 reserved; 5 inbound + 3 in transit).
        await Publish(
            new StockChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), fnsku, "SEA1", 60, 10, 5, 3, 0, 2, "test")
        );
        await Eventually.Until(
            () => _fixture.ScalarAsync<int>("SELECT COUNT(*) FROM forecasting.stock WHERE seller_id = @seller", new { seller }),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            "the stock row"
        );
        Assert.That(await HeldAsync(), Is.EqualTo((50, 8, 2L)));
        Assert.That(
            await _fixture.ScalarAsync<int>(
                "SELECT COUNT(*) FROM forecasting.items WHERE seller_id = @seller AND fnsku = @fnsku",
                new { seller, fnsku }
            ),
            Is.EqualTo(1),
            "the FNSKU became known"
        );

        // Version 1 arrives late: consumed (its id is in the inbox) and ignored.
        var late = Guid.NewGuid();
        await Publish(
            new StockChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), fnsku, "SEA1", 400, 0, 0, 0, 0, 1, "test"),
            late
        );
        await Eventually.Until(
            () => _fixture.ScalarAsync<int>("SELECT COUNT(*) FROM forecasting.inbox WHERE message_id = @late", new { late }),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            "the late change consumed"
        );
        Assert.That(await HeldAsync(), Is.EqualTo((50, 8, 2L)), "the older version changed nothing");

        // Version 3 replaces version 2.
        await Publish(
            new StockChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), fnsku, "SEA1", 30, 0, 0, 0, 0, 3, "test")
        );
        await Eventually.Until(HeldAsync, held => held.Version == 3, TimeSpan.FromSeconds(30), "version 3 applied");
        Assert.That(await HeldAsync(), Is.EqualTo((30, 0, 3L)));
    }

    [Test]
    public async Task Stock_below_the_reorder_point_raises_exactly_one_alert_until_it_recovers()
    {
        const string seller = "fc-alerts";
        const string fnsku = "X0ALRT0001";
        await using var probe = await EventProbe.StartAsync<ReplenishmentRecommended>(_fixture.Messaging);
        await using var clearedProbe = await EventProbe.StartAsync<RestockAlertCleared>(_fixture.Messaging);
        var client = _fixture.Service.ClientFor(seller);
        await Import(client, fnsku, days: 56, ("US-West", 10));
        Task<int> ClearedCount(string item) =>
            _fixture.ScalarAsync<int>(
                "SELECT COUNT(*) FROM forecasting.outbox WHERE message_type LIKE @type AND body LIKE @item",
                new { type = $"%.{nameof(RestockAlertCleared)},%", item = $"%{item}%" }
            );
        var settings = await client.PutAsJsonAsync(
            $"/api/forecasting/v1/replenishment/settings/{fnsku}",
            new
            {
                leadTimeDays = 10,
                reviewPeriodDays = 7,
                minimumOrderQuantity = 50,
                casePack = 12,
                serviceLevel = 0.95,
            }
        );
        Assert.That(settings.StatusCode, Is.EqualTo(HttpStatusCode.OK), await settings.Content.ReadAsStringAsync());

        // Stock is known before the first forecast, so the first evaluation finds plenty.
        var version = 1L;
        await Publish(
            new StockChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), fnsku, "SEA1", 400, 0, 0, 0, 0, version, "test")
        );
        await Eventually.Until(
            () =>
                _fixture.ScalarAsync<int>(
                    "SELECT COUNT(*) FROM forecasting.stock WHERE seller_id = @seller AND available = 400",
                    new { seller }
                ),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            "the stock projection"
        );
        await client.RefreshForecastsAsync();

        // About 10 a day over a 10-day lead time: a reorder point a little over 100.
        async Task<RecommendationRecord> StockAt(int available)
        {
            await Publish(
                new StockChanged(
                    Guid.NewGuid(),
                    DateTimeOffset.UtcNow,
                    seller,
                    Guid.NewGuid(),
                    fnsku,
                    "SEA1",
                    available,
                    0,
                    0,
                    0,
                    0,
                    ++version,
                    "test"
                )
            );
            return await Eventually.Until(
                async () => await Replenishment(client, fnsku),
                r => r?.Available == available,
                TimeSpan.FromSeconds(30),
                $"the recommendation at {available} available"
            ) ?? throw new AssertionException("no replenishment recommendation");
        }

        var plenty = await Replenishment(client, fnsku) ?? throw new AssertionException("no replenishment recommendation");
        Assert.That(plenty.Available, Is.EqualTo(400));
        var reorderPoint = plenty.ReorderPoint;
        Assert.That(reorderPoint, Is.InRange(100, 160));
        Assert.That(plenty.RecommendedUnits, Is.EqualTo(0));
        Assert.That(await AlertCount(client, fnsku), Is.EqualTo(0));
        Assert.That(await ClearedCount(fnsku), Is.Zero, "nothing clears that was never raised");

        var low = await StockAt(reorderPoint - 20);
        Assert.That(await AlertCount(client, fnsku), Is.EqualTo(1), "crossing the reorder point raises the alert");
        var units = low.RecommendedUnits;
        Assert.That(units % 12, Is.EqualTo(0), "whole case packs");
        Assert.That(units, Is.GreaterThanOrEqualTo(50), "at least the minimum order");
        Assert.That(units, Is.EqualTo(ReplenishmentOrder(low.OrderUpToLevel - (reorderPoint - 20))));
        var raised = await probe.WaitForAsync(e => e.SellerId == seller && e.Fnsku == fnsku, "ReplenishmentRecommended");
        Assert.That(raised.RecommendedUnits, Is.EqualTo(units));
        Assert.That(raised.ReorderPoint, Is.EqualTo(reorderPoint));

        await StockAt(reorderPoint - 40);
        await StockAt(5);
        Assert.That(await AlertCount(client, fnsku), Is.EqualTo(1), "still below: no second alert");

        Assert.That(await ClearedCount(fnsku), Is.Zero, "still below: the alert stands");

        await StockAt(reorderPoint + 200);
        Assert.That(await AlertCount(client, fnsku), Is.EqualTo(1), "recovering raises nothing, it re-arms");
        var cleared = await clearedProbe.WaitForAsync(e => e.SellerId == seller && e.Fnsku == fnsku, "RestockAlertCleared");
        Assert.That((cleared.ReorderPoint, cleared.InventoryPosition), Is.EqualTo((reorderPoint, reorderPoint + 200)));
        await StockAt(reorderPoint + 210);
        Assert.That(await ClearedCount(fnsku), Is.EqualTo(1), "recovered once, cleared once, however often it is recomputed");
        await StockAt(reorderPoint - 1);
        Assert.That(await AlertCount(client, fnsku), Is.EqualTo(2), "the next crossing raises the next alert");
        await Eventually.Until(
            () => Task.FromResult(probe.Received.Count(e => e.Fnsku == fnsku)),
            n => n == 2,
            TimeSpan.FromSeconds(30),
            "two ReplenishmentRecommended"
        );
    }

    [Test]
    public async Task The_schedule_refreshes_forecasts_without_being_asked()
    {
        const string seller = "fc-schedule";
        const string fnsku = "X0SCHD0001";
        var client = _fixture.Service.ClientFor(seller);
        await Import(client, fnsku, days: 35, ("US-West", 6));
        Assert.That((await client.GetAsync($"/api/forecasting/v1/forecasts/{fnsku}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        await Eventually.Until(
            async () =>
            {
                _fixture.Clock.Advance(TimeSpan.FromSeconds(2)); // ticks the refresh job's timer
                return (await client.GetAsync($"/api/forecasting/v1/forecasts/{fnsku}")).StatusCode;
            },
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the scheduled refresh"
        );
    }

    [Test]
    public async Task Bad_input_gets_problem_details_and_stores_nothing()
    {
        const string seller = "fc-bad";
        const string fnsku = "X0BADD0001";
        var client = _fixture.Service.ClientFor(seller);
        await Import(client, fnsku, days: 3, ("US-West", 1));

        var unknown = await client.PutAsJsonAsync("/api/forecasting/v1/replenishment/settings/X0UNKN0001", new { leadTimeDays = 5 });
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var promotion = await client.PostAsJsonAsync(
            "/api/forecasting/v1/calendar/promotions",
            new
            {
                fnsku = "X0UNKN0001",
                startsOn = Today,
                endsOn = Today.AddDays(3),
                discountPercent = 10,
            }
        );
        Assert.That(promotion.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var negative = await client.PutAsJsonAsync(
            $"/api/forecasting/v1/replenishment/settings/{fnsku}",
            new { leadTimeDays = -3, casePack = 0 }
        );
        Assert.That(negative.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await negative.ReadAsync<HttpValidationProblemDetails>()).Errors;
        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "leadTimeDays", "casePack" }));

        var csv = new StringBuilder("date,fnsku,region,units\n")
            .Append(Today.AddDays(-3).ToString("yyyy-MM-dd"))
            .Append(",X0BADD0002,US-West,4\n")
            .Append("2026-02-30,X0BADD0002,US-West,4\n")
            .Append(Today.AddDays(-2).ToString("yyyy-MM-dd"))
            .Append(",X0BADD0002,US-West,-1\n")
            .Append(Today.AddDays(-1).ToString("yyyy-MM-dd"))
            .Append(",X0BADD0002,US-West\n")
            .ToString();
        var upload = await client.PostAsync("/api/forecasting/v1/history/import/csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await upload.Content.ReadAsStringAsync());
        var lines = (await upload.ReadAsync<HttpValidationProblemDetails>()).Errors;
        Assert.That(lines.Keys, Is.EquivalentTo(new[] { "line 3", "line 4", "line 5" }));
        Assert.That(lines["line 3"][0], Does.Contain("date"));
        Assert.That(lines["line 4"][0], Does.Contain("units"));

        var json = await client.PostAsJsonAsync(
            "/api/forecasting/v1/history/import",
            new
            {
                sales = new object[]
                {
                    new
                    {
                        date = Today.AddDays(-1),
                        fnsku = "X0BADD0003",
                        region = "US-West",
                        units = 2,
                    },
                    new
                    {
                        date = Today.AddDays(-1),
                        fnsku = "NOT-AN-FNSKU", // "BAD" is an FNSKU under the shared rule (1-10 letters or digits)
                        region = "US-West",
                        units = 2,
                    },
                },
            }
        );
        Assert.That(json.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await json.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys, Is.EqualTo(new[] { "sales[1].fnsku" }));

        Assert.That(
            await _fixture.ScalarAsync<int>("SELECT COUNT(*) FROM forecasting.daily_sales WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(3),
            "only the first good import is stored"
        );
        Assert.That(
            await _fixture.ScalarAsync<int>("SELECT COUNT(*) FROM forecasting.items WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(1)
        );
        Assert.That(
            await _fixture.ScalarAsync<int>(
                "SELECT COUNT(*) FROM forecasting.replenishment_settings WHERE seller_id = @seller",
                new { seller }
            ),
            Is.EqualTo(0)
        );
        Assert.That(
            await _fixture.ScalarAsync<int>("SELECT COUNT(*) FROM forecasting.promotions WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(0)
        );
    }

    private static int ReplenishmentOrder(int shortfall) => (Math.Max(shortfall, 50) + 11) / 12 * 12;

    private static async Task<int> AlertCount(HttpClient client, string fnsku) =>
        (await (await client.GetAsync($"/api/forecasting/v1/alerts?fnsku={fnsku}")).ReadAsync<Page<AlertRecord>>()).Items.Count;

    /// <summary>The FNSKU's replenishment recommendation, or null while there is none (404).</summary>
    private static async Task<RecommendationRecord?> Replenishment(HttpClient client, string fnsku)
    {
        var response = await client.GetAsync($"/api/forecasting/v1/replenishment/{fnsku}");
        return response.StatusCode == HttpStatusCode.OK ? await response.ReadAsync<RecommendationRecord>() : null;
    }

    private async Task Import(HttpClient client, string fnsku, int days, params (string Region, int Units)[] daily)
    {
        var sales = Enumerable
            .Range(1, days)
            .SelectMany(d =>
                daily.Select(r => new
                {
                    date = Today.AddDays(-d),
                    fnsku,
                    region = r.Region,
                    units = r.Units,
                })
            )
            .ToArray();
        var response = await client.PostAsJsonAsync("/api/forecasting/v1/history/import", new { marketplace = "US", sales });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<List<(DateOnly Date, string Region, int Units)>> History(HttpClient client, string fnsku)
    {
        var response = await client.GetAsync(
            $"/api/forecasting/v1/history/{fnsku}?from={Today.AddDays(-10):yyyy-MM-dd}&to={Today:yyyy-MM-dd}"
        );
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return [];
        }

        return [.. (await response.ReadAsync<HistoryResponse>()).Days.Select(d => (d.Date, d.Region, d.Units))];
    }

    private static OrderShipped Shipped(string seller, DateTimeOffset at, string region, params (string Fnsku, int Quantity)[] lines) =>
        new(
            Guid.NewGuid(),
            at,
            seller,
            Guid.NewGuid(),
            Guid.NewGuid(),
            "US",
            "SEA1",
            region,
            lines.Select(l => new OrderLine(l.Fnsku, l.Quantity, new Money(9.99m, "USD"))).ToList(),
            20
        );

    private Task Publish<T>(T message, Guid? messageId = null)
        where T : class => _fixture.Bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());
}

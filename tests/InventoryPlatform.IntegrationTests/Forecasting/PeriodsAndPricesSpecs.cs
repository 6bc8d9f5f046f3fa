using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Api;
using InventoryPlatform.Forecasting.Domain;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests.DemandForecasting;

/// <summary>
/// Periods and prices (issue 24, point 3): a marketplace forecast weekly, weekly imports, and a planned price that moves the
/// forecast; through the API on real PostgreSQL (or SQL Server) and RabbitMQ.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class PeriodsAndPricesSpecs(DatabaseProvider provider)
{
    private const string Settings = "/api/forecasting/v1/marketplaces/US/settings";
    private ForecastingFixture _fixture = null!;

    private DateOnly Today => DateOnly.FromDateTime(_fixture.Clock.GetUtcNow().UtcDateTime);

    private DateOnly ThisMonday => WeeklyPeriods.WeekStart(Today);

    [OneTimeSetUp]
    public async Task Start() => _fixture = await ForecastingFixture.StartAsync(provider, "forecastperiods");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }
    }

    [Test]
    public async Task A_weekly_marketplace_takes_weekly_rows_and_publishes_weekly_buckets_spread_evenly_over_the_days()
    {
        const string seller = "wk-import";
        const string fnsku = "X0WEEK0001";
        var client = _fixture.Service.ClientFor(seller);
        Assert.That((await (await client.GetAsync(Settings)).ReadAsync<MarketplaceSettingsResponse>()).Period, Is.EqualTo("daily"));
        var set = await client.PutAsJsonAsync(Settings, new { period = "weekly" });
        Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK), await set.Content.ReadAsStringAsync());
        Assert.That((await (await client.GetAsync(Settings)).ReadAsync<MarketplaceSettingsResponse>()).Period, Is.EqualTo("weekly"));

        // 30 weeks of 70 units, each a weekly row dated its Monday.
        var sales = Enumerable
            .Range(1, 30)
            .Select(w => new
            {
                date = ThisMonday.AddDays(-7 * w),
                fnsku,
                region = "US-West",
                units = 70,
            })
            .ToArray();
        var imported = await client.PostAsJsonAsync(
            "/api/forecasting/v1/history/import",
            new
            {
                marketplace = "US",
                period = "weekly",
                sales,
            }
        );
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());
        var history = await (
            await client.GetAsync(
                $"/api/forecasting/v1/history/{fnsku}?from={ThisMonday.AddDays(-7):yyyy-MM-dd}&to={ThisMonday.AddDays(-1):yyyy-MM-dd}"
            )
        ).ReadAsync<HistoryResponse>();
        Assert.That(history.Days.Sum(d => d.Units), Is.EqualTo(70), "a week's units over its days, in whole units");
        Assert.That(history.Days.Select(d => d.Units), Is.All.EqualTo(10));

        var refresh = await client.RefreshForecastsAsync();
        Assert.That(refresh.Status, Is.EqualTo("succeeded"), string.Join("; ", refresh.Errors.Select(e => e.Reason)));
        Assert.That(refresh.Counts.Forecast, Is.EqualTo(1));

        var forecast = await (await client.GetAsync($"/api/forecasting/v1/forecasts/{fnsku}")).ReadAsync<ForecastResponse>();
        Assert.That(forecast.Period, Is.EqualTo("weekly"));
        Assert.That(forecast.Total, Has.Count.EqualTo(91), "replenishment still gets 91 days");
        Assert.That(forecast.Weeks, Is.Not.Null);
        Assert.That(forecast.Weeks!.Select(w => w.Date.DayOfWeek), Is.All.EqualTo(DayOfWeek.Monday));
        Assert.That(forecast.Weeks![1].P50, Is.EqualTo(70).Within(7), "a full week ahead: the weekly level");
        Assert.That(forecast.Total.Select(d => d.P50), Is.All.EqualTo(10).Within(1), "each day a seventh of its week");
        Assert.That(forecast.Total.Take(7).Select(d => d.P50).Distinct().Count(), Is.LessThanOrEqualTo(2), "even within a week");

        var plan = await (await client.GetAsync($"/api/forecasting/v1/replenishment/{fnsku}")).ReadAsync<ReplenishmentResponse>();
        Assert.That(plan.LeadTimeDemand, Is.EqualTo(14 * 10).Within(14), "14 days of lead time at 10 a day");
    }

    [Test]
    public async Task A_daily_import_into_a_weekly_marketplace_is_forecast_in_weeks_and_a_daily_seller_is_unchanged()
    {
        const string fnsku = "X0WEEK0002";
        var weekly = _fixture.Service.ClientFor("wk-daily-rows");
        var daily = _fixture.Service.ClientFor("wk-daily-seller");
        Assert.That((await weekly.PutAsJsonAsync(Settings, new { period = "weekly" })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        // A weekday shape: 20 on Saturdays, 5 on other days (50 a week).
        foreach (var client in new[] { weekly, daily })
        {
            var sales = Enumerable
                .Range(1, 140)
                .Select(d => Today.AddDays(-d))
                .Select(date => new
                {
                    date,
                    fnsku,
                    region = "US-West",
                    units = date.DayOfWeek == DayOfWeek.Saturday ? 20 : 5,
                })
                .ToArray();
            var imported = await client.PostAsJsonAsync("/api/forecasting/v1/history/import", new { marketplace = "US", sales });
            Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await client.RefreshForecastsAsync()).Status, Is.EqualTo("succeeded"));
        }

        var inWeeks = await (await weekly.GetAsync($"/api/forecasting/v1/forecasts/{fnsku}")).ReadAsync<ForecastResponse>();
        var inDays = await (await daily.GetAsync($"/api/forecasting/v1/forecasts/{fnsku}")).ReadAsync<ForecastResponse>();
        Assert.That(inWeeks.Period, Is.EqualTo("weekly"));
        Assert.That(inWeeks.Weeks![1].P50, Is.EqualTo(50).Within(6));
        Assert.That(inWeeks.Total.Take(7).Select(d => d.P50).Max() - inWeeks.Total.Take(7).Select(d => d.P50).Min(), Is.LessThan(1e-6));
        Assert.That(inDays.Period, Is.EqualTo("daily"));
        Assert.That(inDays.Weeks, Is.Null);
        var saturday = inDays.Total.First(d => d.Date.DayOfWeek == DayOfWeek.Saturday).P50;
        var monday = inDays.Total.First(d => d.Date.DayOfWeek == DayOfWeek.Monday).P50;
        Assert.That(saturday, Is.GreaterThan(2 * monday), "the daily seller keeps its weekday shape");
    }

    [Test]
    public async Task A_planned_price_cut_raises_the_forecast_of_its_days()
    {
        const string seller = "price-cut";
        var client = _fixture.Service.ClientFor(seller);
        var fnskus = Enumerable.Range(1, 12).Select(i => $"X0PRCE{i:0000}").ToList();
        var random = new Random(11);
        var start = Today.AddDays(-280);
        foreach (var fnsku in fnskus)
        {
            // A list price of 20 cut to 14 for a week every four to six weeks; the cut weeks sell three times as much.
            var cuts = new List<DateOnly>();
            for (var d = start.AddDays(10 + random.Next(20)); d < Today.AddDays(-7); d = d.AddDays(28 + random.Next(14)))
            {
                cuts.Add(d);
            }

            var sales = Enumerable
                .Range(0, 280)
                .Select(d => start.AddDays(d))
                .Select(date => new
                {
                    date,
                    fnsku,
                    region = "US-West",
                    units = (cuts.Any(c => c <= date && date < c.AddDays(7)) ? 30 : 10) + random.Next(3),
                })
                .ToArray();
            var imported = await client.PostAsJsonAsync("/api/forecasting/v1/history/import", new { marketplace = "US", sales });
            Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var prices = cuts.SelectMany(c => new[] { Price(c, 14), Price(c.AddDays(7), 20) }).Prepend(Price(start, 20)).ToArray();
            var set = await client.PutAsJsonAsync($"/api/forecasting/v1/prices/{fnsku}", new { prices });
            Assert.That(set.StatusCode, Is.EqualTo(HttpStatusCode.OK), await set.Content.ReadAsStringAsync());
        }

        Assert.That((await client.RefreshForecastsAsync()).Status, Is.EqualTo("succeeded"));
        var target = fnskus[0];
        var before = await (await client.GetAsync($"/api/forecasting/v1/forecasts/{target}")).ReadAsync<ForecastResponse>();

        // The seller plans a cut for the first week ahead.
        var current = await (await client.GetAsync($"/api/forecasting/v1/prices/{target}")).ReadAsync<PricesResponse>();
        var planned = current
            .Prices.Select(p => Price(p.EffectiveOn, p.Price.Amount))
            .Append(Price(Today, 14))
            .Append(Price(Today.AddDays(7), 20))
            .ToArray();
        var replanned = await client.PutAsJsonAsync($"/api/forecasting/v1/prices/{target}", new { prices = planned });
        Assert.That(replanned.StatusCode, Is.EqualTo(HttpStatusCode.OK), await replanned.Content.ReadAsStringAsync());
        Assert.That((await client.RefreshForecastsAsync()).Status, Is.EqualTo("succeeded"));
        var after = await (await client.GetAsync($"/api/forecasting/v1/forecasts/{target}")).ReadAsync<ForecastResponse>();

        var weekBefore = before.Total.Take(7).Sum(d => d.P50);
        var weekAfter = after.Total.Take(7).Sum(d => d.P50);
        Assert.That(
            weekAfter,
            Is.GreaterThan(1.5 * weekBefore),
            $"the cut week: {weekBefore:0.0} before the plan, {weekAfter:0.0} after (model {after.Regions[0].Model})"
        );
        var untouched = await (await client.GetAsync($"/api/forecasting/v1/forecasts/{fnskus[1]}")).ReadAsync<ForecastResponse>();
        Assert.That(untouched.Total.Take(7).Sum(d => d.P50), Is.LessThan(1.5 * 7 * 11), "an FNSKU without a planned cut stays usual");
    }

    [Test]
    public async Task An_approved_markdown_is_a_dated_price_with_the_price_before_it()
    {
        const string seller = "price-markdown";
        const string fnsku = "X0MKDN0001";
        var client = _fixture.Service.ClientFor(seller);
        await ImportYesterdayAsync(client, fnsku);

        var approvedAt = _fixture.Clock.GetUtcNow();
        await _fixture.Bus.Publish(
            new MarkdownApproved(
                Guid.NewGuid(),
                approvedAt,
                seller,
                Guid.NewGuid(),
                Guid.NewGuid(),
                fnsku,
                new Money(25m, "USD"),
                new Money(20m, "USD"),
                20m
            )
        );

        var prices = await Eventually.Until(
            async () => await (await client.GetAsync($"/api/forecasting/v1/prices/{fnsku}")).ReadAsync<PricesResponse>(),
            p => p.Prices.Count == 2,
            TimeSpan.FromSeconds(30),
            "the markdown's prices"
        );
        var day = DateOnly.FromDateTime(approvedAt.UtcDateTime);
        Assert.That(
            prices.Prices,
            Is.EqualTo(
                new[]
                {
                    new PriceResponse(day.AddDays(-1), new Money(25m, "USD"), "markdown"),
                    new PriceResponse(day, new Money(20m, "USD"), "markdown"),
                }
            )
        );
    }

    [Test]
    public async Task Bad_settings_and_prices_get_400_naming_the_field_and_store_nothing()
    {
        const string seller = "pp-bad";
        const string fnsku = "X0PBAD0001";
        var client = _fixture.Service.ClientFor(seller);
        await ImportYesterdayAsync(client, fnsku);

        await Refused(client.PutAsJsonAsync(Settings, new { period = "monthly" }), "period");
        await Refused(client.PutAsJsonAsync(Settings, new { }), "period");
        await Refused(client.PutAsJsonAsync("/api/forecasting/v1/marketplaces/ZZ/settings", new { period = "weekly" }), "marketplace");
        await Refused(client.GetAsync("/api/forecasting/v1/marketplaces/us/settings"), "marketplace");
        Assert.That((await (await client.GetAsync(Settings)).ReadAsync<MarketplaceSettingsResponse>()).Period, Is.EqualTo("daily"));

        var prices = $"/api/forecasting/v1/prices/{fnsku}";
        await Refused(client.PutAsJsonAsync(prices, new { prices = Array.Empty<object>() }), "prices");
        await Refused(client.PutAsJsonAsync(prices, new { prices = new[] { Price(Today, -1) } }), "prices[0].price.amount");
        await Refused(
            client.PutAsJsonAsync(prices, new { prices = new[] { new { effectiveOn = Today, price = new Money(5m, "usd") } } }),
            "prices[0].price.currency"
        );
        await Refused(
            client.PutAsJsonAsync(
                prices,
                new { prices = new[] { Price(Today, 5), new { effectiveOn = Today, price = new Money(6m, "USD") } } }
            ),
            "prices[1].effectiveOn"
        );
        await Refused(
            client.PutAsJsonAsync(prices, new { prices = new[] { new { effectiveOn = (DateOnly?)null, price = new Money(6m, "USD") } } }),
            "prices[0].effectiveOn"
        );
        Assert.That((await (await client.GetAsync(prices)).ReadAsync<PricesResponse>()).Prices, Is.Empty, "nothing stored");

        var unknown = await client.PutAsJsonAsync("/api/forecasting/v1/prices/X0NONE0001", new { prices = new[] { Price(Today, 5) } });
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var otherSeller = _fixture.Service.ClientFor("pp-bad-other");
        Assert.That(
            (await otherSeller.PutAsJsonAsync(prices, new { prices = new[] { Price(Today, 5) } })).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        Assert.That((await otherSeller.GetAsync(prices)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "seller-scoped");
        Assert.That((await (await client.GetAsync(prices)).ReadAsync<PricesResponse>()).Prices, Is.Empty);

        var notMonday = ThisMonday.AddDays(-6);
        await Refused(
            client.PostAsJsonAsync(
                "/api/forecasting/v1/history/import",
                new
                {
                    marketplace = "US",
                    period = "weekly",
                    sales = new[]
                    {
                        new
                        {
                            date = notMonday,
                            fnsku,
                            region = "US-West",
                            units = 70,
                        },
                    },
                }
            ),
            "sales[0].date"
        );
        await Refused(
            client.PostAsJsonAsync(
                "/api/forecasting/v1/history/import",
                new
                {
                    marketplace = "US",
                    period = "monthly",
                    sales = new[]
                    {
                        new
                        {
                            date = ThisMonday.AddDays(-7),
                            fnsku,
                            region = "US-West",
                            units = 70,
                        },
                    },
                }
            ),
            "period"
        );
        var history = await (
            await client.GetAsync($"/api/forecasting/v1/history/{fnsku}?from={Today.AddDays(-14):yyyy-MM-dd}&to={Today:yyyy-MM-dd}")
        ).ReadAsync<HistoryResponse>();
        Assert.That(history.Days.Sum(d => d.Units), Is.EqualTo(3), "the refused imports stored nothing");
    }

    private static object Price(DateOnly effectiveOn, decimal amount) => new { effectiveOn, price = new Money(amount, "USD") };

    private static async Task Refused(Task<HttpResponseMessage> request, string field)
    {
        var response = await request;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That((await response.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys, Does.Contain(field));
    }

    /// <summary>One day of sales (yesterday, 3 units at US-West), so that the FNSKU is known to the seller's forecasts.</summary>
    private async Task ImportYesterdayAsync(HttpClient client, string fnsku)
    {
        var imported = await client.PostAsJsonAsync(
            "/api/forecasting/v1/history/import",
            new
            {
                marketplace = "US",
                sales = new[]
                {
                    new
                    {
                        date = Today.AddDays(-1),
                        fnsku,
                        region = "US-West",
                        units = 3,
                    },
                },
            }
        );
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}

using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

/// <summary>Price as a covariate: the price paid relative to its recent median, and a model that learns the response to it.</summary>
public sealed class PriceFeatureSpecs
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Test]
    public void The_relative_price_divides_by_the_median_of_the_window_before()
    {
        double[] prices = [10, 10, 10, 10, 10, 8, 8, 8, 8, 12];

        var relative = PriceFeatures.Relative(prices, 3);

        Assert.That(relative[0], Is.EqualTo(1), "nothing before the first period");
        Assert.That(relative[4], Is.EqualTo(1));
        Assert.That(relative[5], Is.EqualTo(0.8).Within(1e-12), "8 against 10, 10, 10");
        Assert.That(relative[6], Is.EqualTo(0.8).Within(1e-12), "8 against 10, 10, 8");
        Assert.That(relative[7], Is.EqualTo(1).Within(1e-12), "8 against 10, 8, 8: the cut is the usual price now");
        Assert.That(relative[8], Is.EqualTo(1).Within(1e-12), "8 against 8, 8, 8");
        Assert.That(relative[9], Is.EqualTo(1.5).Within(1e-12), "12 against 8, 8, 8");
    }

    [Test]
    public void The_relative_price_of_an_even_window_takes_the_mean_of_the_middle_two()
    {
        var relative = PriceFeatures.Relative([10, 6, 9], 2);

        Assert.That(relative[1], Is.EqualTo(0.6).Within(1e-12), "6 against 10");
        Assert.That(relative[2], Is.EqualTo(9 / 8.0).Within(1e-12), "9 against the median of 10 and 6");
    }

    [Test]
    public void The_price_paid_is_the_list_price_in_force_less_the_deepest_discount_of_the_day()
    {
        DatedPrice[] prices = [new(Start.AddDays(2), 10), new(Start.AddDays(5), 8)];
        PromotionDays[] promotions =
        [
            new(Start.AddDays(3), Start.AddDays(3), 10, false),
            new(Start.AddDays(3), Start.AddDays(4), 50, true),
        ];

        var paid = PriceFeatures.Daily(Start, 7, prices, promotions);

        Assert.That(paid, Is.EqualTo(new double[] { 10, 10, 10, 5, 5, 8, 8 }).Within(1e-12), "the first price holds before it too");
        Assert.That(PriceFeatures.Daily(Start, 2, [], [new(Start, Start, 20, false)]), Is.EqualTo(new[] { 0.8, 1 }).Within(1e-12));
    }

    [Test]
    public void A_planned_markdown_shows_as_a_cut_in_the_calendar_features_and_flat_prices_leave_them_at_one()
    {
        DatedPrice[] prices = [new(Start, 20), new(Start.AddDays(100), 15)];

        var rows = CalendarFeatures.Daily(Start, 110, new HashSet<DateOnly>(), [], prices);
        var flat = CalendarFeatures.Daily(Start, 110, new HashSet<DateOnly>(), [], [new DatedPrice(Start, 20)]);

        Assert.That(rows[99][CalendarFeatures.RelativePriceColumn], Is.EqualTo(1));
        Assert.That(rows[100][CalendarFeatures.RelativePriceColumn], Is.EqualTo(0.75).Within(1e-12));
        Assert.That(rows[109][CalendarFeatures.RelativePriceColumn], Is.EqualTo(0.75).Within(1e-12), "the 91 days before: still 20");
        Assert.That(flat.Select(r => r[CalendarFeatures.RelativePriceColumn]), Is.All.EqualTo(1));
        Assert.That(PriceFeatures.IsFlat([new DatedPrice(Start, 20)], []), Is.True);
        Assert.That(PriceFeatures.IsFlat(prices, []), Is.False);
    }

    [Test]
    public void A_planned_price_cut_raises_the_global_models_forecast_where_price_drives_demand()
    {
        // 30 daily series of 280 days; each cuts its price by 30 % for a week now and then, and sells twice as much then.
        const int days = 280;
        const int horizon = 14;
        var random = new Random(7);
        var panel = new List<PanelSeries>();
        var planned = new List<PanelSeries>();
        for (var s = 0; s < 30; s++)
        {
            var list = 10.0 + s;
            var prices = new List<DatedPrice> { new(Start, list) };
            for (var day = 20 + random.Next(20); day < days - 10; day += 30 + random.Next(30))
            {
                prices.Add(new DatedPrice(Start.AddDays(day), 0.7 * list));
                prices.Add(new DatedPrice(Start.AddDays(day + 7), list));
            }

            var covariates = CalendarFeatures.Daily(Start, days + horizon, new HashSet<DateOnly>(), [], prices);
            var baseRate = 5.0 + s % 7;
            var units = Enumerable
                .Range(0, days)
                .Select(d => Poisson(random, baseRate * (covariates[d][CalendarFeatures.RelativePriceColumn] < 0.9 ? 2 : 1)))
                .ToArray();
            // The same series with a cut planned for the first week of the horizon (prices after the history unchanged otherwise).
            var plannedPrices = prices
                .Where(p => p.From < Start.AddDays(days))
                .Append(new DatedPrice(Start.AddDays(days), 0.7 * list))
                .Append(new DatedPrice(Start.AddDays(days + 7), list))
                .ToList();
            var withCut = CalendarFeatures.Daily(Start, days + horizon, new HashSet<DateOnly>(), [], plannedPrices);
            var withoutCut = CalendarFeatures.Daily(
                Start,
                days + horizon,
                new HashSet<DateOnly>(),
                [],
                prices.Where(p => p.From < Start.AddDays(days)).ToList()
            );
            panel.Add(new PanelSeries(units, withoutCut, [s % 3]));
            planned.Add(new PanelSeries(units, withCut, [s % 3]));
        }

        var settings = new ForecastSettings(horizon, Point: PointForecast.Mean);
        var options = GlobalModelOptions.For(panel.Count, days, settings);
        var horizons = settings.ForecastHorizons;
        var model = GlobalBoostedModel.Train(panel, horizons, options)!;

        var usual = model.Predict(panel, horizons);
        var cut = model.Predict(planned, horizons);

        var cutWeek = cut.Average(f => f.Take(7).Average()) / usual.Average(f => f.Take(7).Average());
        var afterCut = cut.Average(f => f.Skip(7).Average()) / usual.Average(f => f.Skip(7).Average());
        Assert.That(cutWeek, Is.GreaterThan(1.5), "demand doubles at the cut price; the forecast of the cut week rises with it");
        Assert.That(afterCut, Is.InRange(0.8, 1.25), "back at the list price, the forecast is the usual one");
    }

    private static double Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }
}

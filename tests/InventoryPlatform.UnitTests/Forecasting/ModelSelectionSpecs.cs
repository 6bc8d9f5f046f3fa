using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

public sealed class ModelSelectionSpecs
{
    private static readonly DateOnly Start = new(2025, 1, 6);

    private static DemandSeries Series(string key, double[] units, ForecastSettings settings) =>
        new(key, units, CalendarFeatures.Daily(Start, units.Length + settings.HorizonDays, new HashSet<DateOnly>(), []), [0]);

    [Test]
    public void The_backtest_picks_a_seasonal_model_for_weekly_demand_and_keeps_every_candidates_accuracy()
    {
        var settings = new ForecastSettings(HorizonDays: 28, UseGlobalModel: false);
        double[] shape = [2, 3, 4, 5, 9, 14, 6];
        var units = Enumerable.Range(0, 140).Select(t => 20 + shape[t % 7]).ToArray();

        var forecast = DemandForecaster.Forecast([Series("weekly", units, settings)], settings).Single();

        Assert.That(forecast.Model, Is.AnyOf("SeasonalNaive", "HoltWinters"));
        Assert.That(
            forecast.Candidates.Select(c => c.Model),
            Is.SupersetOf(new[] { "Naive", "Mean", "SeasonalNaive", "HoltWinters", "Croston", "SBA", "TSB" })
        );
        Assert.That(forecast.Candidates.Single(c => c.Model == forecast.Model).Wape, Is.EqualTo(0).Within(1e-6));
        Assert.That(forecast.Candidates.Single(c => c.Model == "Mean").Wape, Is.GreaterThan(0.1));
        Assert.That(forecast.P50[0], Is.EqualTo(20 + shape[140 % 7]).Within(1e-6));
        Assert.That(forecast.P10, Is.EqualTo(forecast.P50).Within(1e-6), "a perfect backtest leaves no interval");
    }

    [Test]
    public void Intermittent_demand_goes_to_an_intermittent_model_with_an_interval_around_it()
    {
        var settings = new ForecastSettings(HorizonDays: 14, UseGlobalModel: false);
        var random = new Random(7);
        var units = Enumerable.Range(0, 180).Select(_ => random.NextDouble() < 0.15 ? random.Next(1, 4) : 0.0).ToArray();

        var forecast = DemandForecaster.Forecast([Series("slow", units, settings)], settings).Single();

        Assert.That(forecast.Model, Is.AnyOf("Croston", "SBA", "TSB", "Mean"));
        Assert.That(forecast.P50[0], Is.InRange(0.1, 0.6));
        for (var d = 0; d < 14; d++)
        {
            Assert.That(forecast.P10[d], Is.LessThanOrEqualTo(forecast.P50[d]));
            Assert.That(forecast.P90[d], Is.GreaterThan(forecast.P50[d]));
            Assert.That(forecast.P10[d], Is.GreaterThanOrEqualTo(0));
        }
    }

    [Test]
    public void Interval_is_the_backtest_residual_quantiles_around_the_median()
    {
        var residuals = Enumerable.Range(-10, 21).Select(r => (double)r).ToArray(); // -10..10: q10 = -8, q90 = 8
        var (p10, p90) = DemandForecaster.Interval([20, 5], residuals);
        Assert.That(p10, Is.EqualTo(new[] { 12.0, 0 }));
        Assert.That(p90, Is.EqualTo(new[] { 28.0, 13 }));
    }

    [Test]
    public void The_global_model_learns_a_promotion_lift_across_series()
    {
        // 12 series whose sales double on promotion days; promotions on fixed days of each 10-day block.
        var settings = new ForecastSettings(
            HorizonDays: 14,
            Global: new GlobalModelOptions(Trees: 60, MinimumExamplesPerLeaf: 5, OriginStep: 3, Threads: 1)
        );
        var panel = new List<DemandSeries>();
        for (var s = 0; s < 12; s++)
        {
            var level = 10 + 3 * s;
            var promotions = Enumerable
                .Range(0, 30)
                .Select(b => new PromotionDays(Start.AddDays(b * 10 + 7), Start.AddDays(b * 10 + 8), 20, false))
                .ToList();
            var covariates = CalendarFeatures.Daily(Start, 196 + 14, new HashSet<DateOnly>(), promotions);
            var units = Enumerable.Range(0, 196).Select(t => level * (covariates[t][3] == 1 ? 2.0 : 1.0)).ToArray();
            panel.Add(new DemandSeries($"s{s}", units, covariates, [s]));
        }

        var forecasts = DemandForecaster.Forecast(panel, settings);
        var first = forecasts[0];
        Assert.That(first.Candidates.Select(c => c.Model), Does.Contain(GlobalBoostedModel.Name));
        Assert.That(first.Model, Is.EqualTo(GlobalBoostedModel.Name), "only the global model sees the promotions coming");
        // Day 196 + 1 = block 19, offset 7: a promotion day (20 units); day 196 + 3 is a normal day (10).
        Assert.That(first.P50[1], Is.EqualTo(20).Within(3));
        Assert.That(first.P50[3], Is.EqualTo(10).Within(2));
    }
}

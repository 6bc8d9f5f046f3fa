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
    public void A_promotion_lift_is_forecast_by_the_models_that_see_the_promotions_coming()
    {
        // 12 series whose sales double on promotion days; promotions on fixed days of each 10-day block.
        var settings = new ForecastSettings(HorizonDays: 14);
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
        var seeing = new[] { GlobalBoostedModel.Name, PriceResponseModel.Name, DemandForecaster.CombinedName };
        Assert.That(first.Candidates.Select(c => c.Model), Is.SupersetOf(seeing));
        Assert.That(first.Model, Is.AnyOf(seeing), "only the global model and the price response see the promotions coming");
        var univariate = first.Candidates.Where(c => !seeing.Contains(c.Model)).Min(c => c.Mae);
        Assert.That(
            first.Candidates.Single(c => c.Model == GlobalBoostedModel.Name).Mae,
            Is.LessThan(univariate / 2),
            "the global model learns the lift across series"
        );
        // Day 196 + 1 = block 19, offset 7: a promotion day (20 units); day 196 + 3 is a normal day (10).
        Assert.That(first.P50[1], Is.EqualTo(20).Within(3));
        Assert.That(first.P50[3], Is.EqualTo(10).Within(2));
    }

    [Test]
    public void The_published_global_model_is_the_one_scored_on_the_forecast_horizons()
    {
        // A 10-day cycle no covariate names: only the global model, reading its lags, can learn it.
        var settings = new ForecastSettings(HorizonDays: 14);
        var panel = Enumerable
            .Range(0, 12)
            .Select(s =>
                Series($"c{s}", Enumerable.Range(0, 196).Select(t => (10.0 + 3 * s) * (t % 10 is 7 or 8 ? 2 : 1)).ToArray(), settings)
            )
            .ToList();

        var fit = DemandForecaster.FitGlobal(panel, settings)!;
        var forecasts = DemandForecaster.Forecast(panel, settings);

        var first = forecasts[0];
        var global = first.Candidates.Single(c => c.Model == GlobalBoostedModel.Name);
        Assert.That(first.Model, Is.EqualTo(GlobalBoostedModel.Name));
        Assert.That(first.Model, Is.EqualTo(first.Candidates.MinBy(c => c.Mae)!.Model), "the lowest backtest error (MAE) wins");
        Assert.That(global.Points, Is.EqualTo(3 * 14), "3 backtest origins, each scored on the 14 forecast horizons");
        Assert.That(fit.Model.Horizons, Is.EqualTo(Enumerable.Range(1, 14)), "trained on exactly the horizons forecast");
        Assert.That(first.P50, Is.EqualTo(fit.Final[0]), "the scored model publishes: nothing retrained");
        var series = panel.Select(p => new PanelSeries(p.Units, p.Covariates, p.Static)).ToList();
        Assert.That(() => fit.Model.Predict(series, [15]), Throws.ArgumentException, "it forecasts no horizon it was not scored on");
    }

    [Test]
    public void A_series_with_few_backtest_points_takes_the_model_that_did_best_across_the_panel()
    {
        // Forecast 2 and 4 periods ahead: 12 series x 2 horizons = 24 forecasts an origin, so 5 origins (100 forecasts over
        // the panel) and 10 points per series, too few for a series' own choice.
        var settings = new ForecastSettings(HorizonDays: 4, Horizons: [2, 4]);
        var panel = PromotedPanel();

        var forecasts = DemandForecaster.Forecast(panel, settings);

        Assert.That(forecasts.Select(f => f.Model).Distinct().Count(), Is.EqualTo(1), "the panel's one choice");
        Assert.That(forecasts[0].Model, Is.AnyOf(GlobalBoostedModel.Name, PriceResponseModel.Name, DemandForecaster.CombinedName));
        Assert.That(forecasts[0].P50, Has.Length.EqualTo(2));
        Assert.That(settings.ForPanel(panel.Count).BacktestFolds, Is.EqualTo(5));
        Assert.That(forecasts[0].Candidates.Single(c => c.Model == "Naive").Points, Is.EqualTo(10));
        // Period 197 (2 ahead) is day 7 of block 19, a promotion day with double sales; period 199 (4 ahead) a normal day.
        // (Within 2.5 since the relative price joined the covariates: 12.2 with it; the promotion's 20 stays far apart.)
        Assert.That(forecasts[0].P50[0], Is.EqualTo(20).Within(3));
        Assert.That(forecasts[0].P50[1], Is.EqualTo(10).Within(2.5));
        Assert.That(forecasts[0].P50[0] - forecasts[0].P50[1], Is.GreaterThan(5), "the promotion day above the normal one");
    }

    [Test]
    public void A_history_too_short_for_the_longest_horizon_is_scored_on_the_horizons_its_actuals_reach()
    {
        // 70 days, 91 forecast: the latest origin keeps 70 − 14 − 2 × 7 = 42 days ahead, so the origins after days 28, 21
        // and 14 score horizons 1-42, 1-49 and 1-56.
        var settings = new ForecastSettings(HorizonDays: 91, UseGlobalModel: false);
        var units = Enumerable.Range(0, 70).Select(t => 10.0 + t % 7).ToArray();

        var forecast = DemandForecaster.Forecast([Series("young", units, settings)], settings).Single();

        Assert.That(settings.BacktestReach(70), Is.EqualTo(42));
        var univariate = forecast.Candidates.Where(c => c.Model != PriceResponseModel.Name);
        Assert.That(univariate.Select(c => c.Points).Distinct(), Is.EqualTo(new[] { 42 + 49 + 56 }));
        Assert.That(
            forecast.Candidates.Single(c => c.Model == PriceResponseModel.Name).Points,
            Is.EqualTo(42),
            "the price response needs 26 periods: only the latest origin has them"
        );
        Assert.That(forecast.P50, Has.Length.EqualTo(91));
        Assert.That(forecast.Model, Is.AnyOf("SeasonalNaive", "HoltWinters"), "enough points for the series' own choice");
    }

    [Test]
    public void A_young_panel_is_forecast_without_the_global_model_when_its_backtest_leaves_nothing_to_train_on()
    {
        // Two regions of 70 days, 91 forecast: the backtest holds out the last 56 days, and no origin before them has the
        // 28 days of warm-up the global model needs.
        var settings = new ForecastSettings(HorizonDays: 91);
        var panel = new[] { 12.0, 4.0 }.Select((level, i) => Series($"r{i}", Enumerable.Repeat(level, 70).ToArray(), settings)).ToList();

        var forecasts = DemandForecaster.Forecast(panel, settings);

        Assert.That(DemandForecaster.FitGlobal(panel, settings), Is.Null);
        Assert.That(forecasts.SelectMany(f => f.Candidates).Select(c => c.Model), Does.Not.Contain(GlobalBoostedModel.Name));
        Assert.That(forecasts.Select(f => f.P50[90]), Is.EqualTo(new[] { 12.0, 4.0 }).Within(1e-9));
    }

    /// <summary>12 series whose sales double on promotion days; promotions on days 7 and 8 of each 10-day block.</summary>
    private static List<DemandSeries> PromotedPanel()
    {
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

        return panel;
    }
}

using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

/// <summary>The global model's options follow the panel: number of series, history length and period.</summary>
public sealed class ForecastSettingsSpecs
{
    [Test]
    public void A_small_panel_is_backtested_from_more_origins_so_every_candidate_is_scored_on_100_forecasts()
    {
        var weekly = new ForecastSettings(HorizonDays: 2, PeriodDays: 7); // 2 horizons

        Assert.That(weekly.ForPanel(913).BacktestFolds, Is.EqualTo(3), "OrangeJuice: 1,826 forecasts an origin already");
        Assert.That(weekly.ForPanel(7).BacktestFolds, Is.EqualTo(8), "7 series x 2 horizons = 14 an origin: 8 origins, 112");
        Assert.That(weekly.ForPanel(1).BacktestFolds, Is.EqualTo(ForecastSettings.MostBacktestFolds));
        Assert.That(new ForecastSettings(HorizonDays: 91).ForPanel(1).BacktestFolds, Is.EqualTo(3), "91 horizons: 3 is the least");
        Assert.That(weekly.ForPanel(7).BacktestPeriods(300), Is.EqualTo(2 + 7), "the reach plus 7 weeks between the origins");
    }

    [Test]
    public void A_small_weekly_panel_gets_small_trees_with_small_leaves()
    {
        // 7 series of 100 weeks, forecast 1 and 2 weeks ahead: lags 100/12 = 8; windows of 4, 8, 13 and 26 weeks (52 does
        // not fit twice); warm-up 26; 4 backtest weeks held out; examples per series 70 (h = 1) + 69 (h = 2), 973 in all.
        var settings = new ForecastSettings(HorizonDays: 2, PeriodDays: 7);

        var options = GlobalModelOptions.For(7, 100, settings);

        Assert.That(GlobalModelOptions.Examples(7, 100, settings, options), Is.EqualTo(973));
        Assert.That(options.Lags, Is.EqualTo(8));
        Assert.That(options.RollingWindows, Is.EqualTo(new[] { 4, 8, 13, 26 }));
        Assert.That(options.SeasonLength, Is.EqualTo(52));
        Assert.That(options.LevelWindow, Is.EqualTo(8));
        Assert.That(options.OriginStep, Is.EqualTo(1));
        Assert.That(options.HoldoutRecentPeriods, Is.EqualTo(4));
        Assert.That(options.MinimumExamplesPerLeaf, Is.EqualTo(5), "973 / 400 is below the floor of 5");
        Assert.That(options.Leaves, Is.EqualTo(10), "√973 / 3");
        Assert.That(options.Trees, Is.EqualTo(40));
        Assert.That(options.Objective, Is.EqualTo(BoostingObjective.AbsoluteError), "the default point forecast is the median");
        Assert.That(options.ScaleByLevel, Is.False);
    }

    [Test]
    public void The_orange_juice_panel_gets_leaves_sized_to_its_examples()
    {
        // 913 series of 96 weeks forecast 2 and 3 weeks ahead for a MAPE scorecard: 5 backtest weeks held out,
        // 64 + 63 examples per series.
        var settings = new ForecastSettings(HorizonDays: 3, PeriodDays: 7, Point: PointForecast.PercentageError, Horizons: [2, 3]);

        var options = GlobalModelOptions.For(913, 96, settings);

        Assert.That(GlobalModelOptions.Examples(913, 96, settings, options), Is.EqualTo(913 * 127));
        Assert.That(options.Lags, Is.EqualTo(8));
        Assert.That(options.RollingWindows, Is.EqualTo(new[] { 4, 8, 13, 26 }));
        Assert.That(options.HoldoutRecentPeriods, Is.EqualTo(5));
        Assert.That(options.MinimumExamplesPerLeaf, Is.EqualTo(289), "115,951 / 400");
        Assert.That(options.Leaves, Is.EqualTo(113), "√115,951 / 3");
        Assert.That(options.Trees, Is.EqualTo(115));
        Assert.That(options.Objective, Is.EqualTo(BoostingObjective.PercentageError));
        Assert.That(options.ScaleByLevel, Is.False, "the MAPE objective weighs examples 1/actual already");
    }

    [Test]
    public void A_large_daily_panel_gets_the_largest_trees_on_a_capped_sample()
    {
        // 10,000 series of two years forecast 91 days ahead: far more examples than the 150,000 trained on.
        var settings = new ForecastSettings(HorizonDays: 91);

        var options = GlobalModelOptions.For(10_000, 730, settings);

        Assert.That(GlobalModelOptions.Examples(10_000, 730, settings, options), Is.GreaterThan(GlobalModelOptions.MostTrainingRows));
        Assert.That(options.Lags, Is.EqualTo(14));
        Assert.That(options.RollingWindows, Is.EqualTo(new[] { 7, 28, 56, 91, 182, 364 }));
        Assert.That(options.SeasonLength, Is.EqualTo(7));
        Assert.That(options.LevelWindow, Is.EqualTo(28));
        Assert.That(options.OriginStep, Is.EqualTo(7));
        Assert.That(options.HoldoutRecentPeriods, Is.EqualTo(91 + 2 * 7));
        Assert.That(options.MinimumExamplesPerLeaf, Is.EqualTo(375));
        Assert.That(options.Leaves, Is.EqualTo(GlobalModelOptions.MostLeaves));
        Assert.That(options.Trees, Is.EqualTo(GlobalModelOptions.MostTrees));
    }

    [Test]
    public void A_short_daily_history_gets_fewer_lags_and_only_the_windows_that_fit()
    {
        var settings = new ForecastSettings(HorizonDays: 14, MaxTrees: 80);

        var options = GlobalModelOptions.For(3, 60, settings);

        Assert.That(options.Lags, Is.EqualTo(5), "60 / 12");
        Assert.That(options.RollingWindows, Is.EqualTo(new[] { 7, 28 }));
        Assert.That(options.HoldoutRecentPeriods, Is.EqualTo(28));
        Assert.That(options.Trees, Is.EqualTo(40));
    }
}

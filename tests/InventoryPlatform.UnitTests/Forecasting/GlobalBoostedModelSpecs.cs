using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

public sealed class GlobalBoostedModelSpecs
{
    [Test]
    public void The_percentage_error_scale_is_the_factor_with_the_lowest_mape()
    {
        double[] actual = [10, 20, 5, 40, 8, 12];
        double[] forecast = [12, 18, 9, 30, 10, 20];

        var k = GlobalBoostedModel.PercentageErrorScale(actual, forecast);

        static double Mape(double[] y, double[] f, double factor) => y.Select((a, i) => Math.Abs(a - factor * f[i]) / a).Average();
        var best = Enumerable.Range(1, 3000).Select(i => i / 1000.0).MinBy(c => Mape(actual, forecast, c));
        Assert.That(Mape(actual, forecast, k), Is.EqualTo(Mape(actual, forecast, best)).Within(1e-3));
        Assert.That(Mape(actual, forecast, k), Is.LessThan(Mape(actual, forecast, 1)));
    }

    [Test]
    public void The_percentage_error_scale_leaves_exact_forecasts_alone_and_ignores_zero_actuals()
    {
        Assert.That(GlobalBoostedModel.PercentageErrorScale([3, 7, 0], [3, 7, 5]), Is.EqualTo(1).Within(1e-12));
        Assert.That(GlobalBoostedModel.PercentageErrorScale([2, 4], [4, 8]), Is.EqualTo(0.5).Within(1e-12));
        Assert.That(GlobalBoostedModel.PercentageErrorScale([0], [1]), Is.EqualTo(1), "no usable pair: no change");
    }

    [Test]
    public void The_percentage_error_objective_forecasts_below_the_squared_error_one_when_demand_is_skewed()
    {
        // Every series sells 1, 1, 1, 1 or 16 (mean 4, median 1): squared error aims at the mean, MAPE at the smallest actuals.
        var random = new Random(3);
        var panel = Enumerable
            .Range(0, 30)
            .Select(s => new PanelSeries(
                Enumerable.Range(0, 60).Select(_ => random.Next(5) == 0 ? 16.0 : 1.0).ToArray(),
                Enumerable.Range(0, 70).Select(_ => new[] { 0.0 }).ToArray(),
                [s % 3]
            ))
            .ToList();
        var options = new GlobalModelOptions(
            Lags: 2,
            Windows: [4],
            ScaleByLevel: false,
            OriginStep: 1,
            Trees: 30,
            Leaves: 4,
            MinimumExamplesPerLeaf: 50,
            CategoricalStatic: true,
            HoldoutRecentPeriods: 5
        );

        var squared = GlobalBoostedModel.Train(panel, [1], options)!.Predict(panel, [1]).Average(f => f[0]);
        var percentage = GlobalBoostedModel.Train(panel, [1], options with { Objective = BoostingObjective.PercentageError })!;
        var forecast = percentage.Predict(panel, [1]).Average(f => f[0]);

        Assert.That(squared, Is.InRange(2.5, 5.5));
        Assert.That(forecast, Is.InRange(0.5, 1.5));
        Assert.That(percentage.HoldoutPercentageErrorScale, Is.InRange(0.7, 1.3), "already MAPE-optimal: the holdout leaves it near 1");
    }
}

using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

public sealed class IntervalAccuracySpecs
{
    [Test]
    public void Coverage_is_the_share_of_actuals_inside_p10_p90_and_pinball_the_mean_quantile_loss()
    {
        // Losses (q10, q50, q90): 10 in [8, 12]: 0.2, 0, 0.2; 20 below [22, 30]: 1.8, 2.5, 1.0; 30 in [20, 40]: 1.0, 0, 1.0.
        var accuracy = IntervalAccuracy.Of([10, 20, 30], [8, 22, 20], [10, 25, 30], [12, 30, 40]);

        Assert.That(accuracy.Coverage, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(accuracy.Pinball, Is.EqualTo(7.7 / 9).Within(1e-12));
        Assert.That(accuracy.ScaledPinball, Is.EqualTo(7.7 / 9 / 20).Within(1e-12));
        Assert.That(accuracy.Points, Is.EqualTo(3));
    }

    [Test]
    public void Without_points_there_is_nothing_to_measure()
    {
        var accuracy = IntervalAccuracy.Of([], [], [], []);

        Assert.That(accuracy.Coverage, Is.Null);
        Assert.That(accuracy.Pinball, Is.Null);
    }

    [Test]
    public void A_pooled_ratio_interval_scales_the_median_by_the_ratio_percentiles()
    {
        var ratios = Enumerable.Range(0, 11).Select(i => 0.5 + 0.1 * i).ToArray(); // 0.5 … 1.5: q10 = 0.6, q90 = 1.4

        var (p10, p90) = DemandForecaster.RatioInterval([100, 10], ratios);

        Assert.That(p10, Is.EqualTo(new[] { 60.0, 6 }).Within(1e-9));
        Assert.That(p90, Is.EqualTo(new[] { 140.0, 14 }).Within(1e-9));
    }
}

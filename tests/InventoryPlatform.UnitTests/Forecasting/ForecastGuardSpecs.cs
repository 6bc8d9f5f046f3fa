using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

public sealed class ForecastGuardSpecs
{
    [Test]
    public void A_forecast_far_above_anything_sold_is_capped_and_the_reason_recorded()
    {
        // The blow-up seen on a seller's data: 222,099 units forecast for a week where no week had sold more than 7,834.
        double[] history = [5200, 7834, 6100, 4900];

        var (p10, p50, p90, reason) = ForecastGuard.Cap(history, [100_000, 6000], [222_099, 7000], [400_000, 9000], null);

        Assert.That(p50, Is.EqualTo(new[] { 3 * 7834.0, 7000 }));
        Assert.That(p10, Is.EqualTo(new[] { 3 * 7834.0, 6000 }));
        Assert.That(p90, Is.EqualTo(new[] { 3 * 7834.0, 9000 }));
        Assert.That(
            reason,
            Is.EqualTo(
                "P50 of 1 period(s) capped at 3 x the largest period in history (7834 units; 6 x on promoted periods): "
                    + "the model forecast up to 222099."
            )
        );
    }

    [Test]
    public void A_promoted_period_may_go_higher_and_a_forecast_whose_median_is_within_bounds_is_left_alone()
    {
        double[] history = [10, 20, 15];

        var promoted = ForecastGuard.Cap(history, [50, 90], [100, 130], [150, 200], [true, true]);
        var plain = ForecastGuard.Cap(history, [5], [50], [70], [false]);

        Assert.That(promoted.P50, Is.EqualTo(new[] { 100.0, 120 }), "6 x 20 on a promoted period");
        Assert.That(promoted.P90, Is.EqualTo(new[] { 120.0, 120 }), "once capped, the whole forecast is held to the cap");
        Assert.That(promoted.Reason, Does.StartWith("P50 of 1 period(s) capped"));
        Assert.That(plain.P50, Is.EqualTo(new[] { 50.0 }));
        Assert.That(plain.P90, Is.EqualTo(new[] { 70.0 }), "a median within 3 x the best period leaves the interval alone");
        Assert.That(plain.Reason, Is.Null);
    }

    [Test]
    public void The_forecaster_caps_a_trend_extrapolated_past_what_history_explains_and_says_so()
    {
        // Sales growing 5 % a day for 200 days: the trend models run far past three times the best day within 91 days.
        var units = Enumerable.Range(0, 200).Select(t => Math.Round(Math.Pow(1.05, t))).ToArray();
        var settings = new ForecastSettings(HorizonDays: 91, UseGlobalModel: false);
        var series = new DemandSeries(
            "ramp",
            units,
            CalendarFeatures.Daily(new DateOnly(2025, 1, 6), 291, new HashSet<DateOnly>(), []),
            [0]
        );

        var forecast = DemandForecaster.Forecast([series], settings).Single();

        var cap = 3 * units.Max();
        Assert.That(forecast.Guard, Is.Not.Null, $"{forecast.Model}: P50 up to {forecast.P50.Max()}, cap {cap}");
        Assert.That(forecast.Guard, Does.StartWith("P50 of "));
        Assert.That(forecast.P50.Max(), Is.EqualTo(cap));
        Assert.That(forecast.P90.Max(), Is.EqualTo(cap));
        Assert.That(forecast.P50[^1], Is.EqualTo(cap));
    }
}

using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

/// <summary>The gateway story's seller: steady daily sales that stopped for the last days before the refresh.</summary>
public sealed class SteadySellerSpecs
{
    private static readonly DateOnly Start = new(2025, 1, 6);

    private static DemandSeries Series(string key, double[] units, int region, ForecastSettings settings) =>
        new(key, units, CalendarFeatures.Daily(Start, units.Length + settings.HorizonDays, new HashSet<DateOnly>(), []), [region]);

    [Test]
    public void A_steady_seller_is_forecast_near_its_rate()
    {
        var settings = new ForecastSettings(91);
        // Mug: 2 a day in US-West for days 62..3 before the refresh, none on the last two days; lamp: 3 a day for days 60..1.
        var mug = Enumerable.Repeat(2.0, 60).Concat([0.0, 0.0]).ToArray();
        var lamp = Enumerable.Repeat(3.0, 60).ToArray();

        var panel = new[] { Series("mug/US-West", mug, 0, settings), Series("lamp/US-West", lamp, 0, settings) };
        var results = DemandForecaster.Forecast(panel, settings);

        // Every candidate's backtest ties on the mug (each forecasts 2 from origins that saw only 2s); naive, listed first,
        // used to win and publish the last day's 0. The mean wins ties: 120 units over 62 days.
        Assert.That(results[0].Model, Is.EqualTo("Mean"));
        Assert.That(results[0].P50, Has.Length.EqualTo(91).And.All.EqualTo(120.0 / 62).Within(1e-9));
        Assert.That(results[1].Model, Is.EqualTo("Mean"));
        Assert.That(results[1].P50, Has.All.EqualTo(3.0).Within(1e-9));
    }
}

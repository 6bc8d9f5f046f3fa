using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

public sealed class DemandModelSpecs
{
    private static readonly double[] WeekShape = [5, 8, 10, 12, 20, 30, 15];

    private static double[] Constant(int days, double value) => Enumerable.Repeat(value, days).ToArray();

    private static double[] Weekly(int days, double baseline) =>
        Enumerable.Range(0, days).Select(t => baseline + WeekShape[t % 7]).ToArray();

    [TestCase(typeof(NaiveModel))]
    [TestCase(typeof(HistoricalMeanModel))]
    public void A_baseline_on_a_constant_series_forecasts_the_constant(Type model)
    {
        var forecast = ((IDemandModel)Activator.CreateInstance(model)!).Forecast(Constant(60, 12), 10);
        Assert.That(forecast, Has.All.EqualTo(12).Within(1e-9));
    }

    [Test]
    public void Holt_winters_on_a_constant_series_forecasts_the_constant()
    {
        var forecast = new HoltWintersModel(7).Forecast(Constant(84, 40), 91);
        Assert.That(forecast, Has.Length.EqualTo(91).And.All.EqualTo(40).Within(1e-6));
    }

    [Test]
    public void Holt_winters_extends_a_straight_trend()
    {
        // y = 10 + 2t for t = 0..69: the next day is 150, the 14th next day 176.
        var history = Enumerable.Range(0, 70).Select(t => 10 + 2.0 * t).ToArray();
        var forecast = new HoltWintersModel(7).Forecast(history, 14);
        Assert.That(forecast[0], Is.EqualTo(150).Within(0.5));
        Assert.That(forecast[13], Is.EqualTo(176).Within(1));
    }

    [Test]
    public void Holt_winters_repeats_a_weekly_pattern()
    {
        var history = Weekly(84, 100);
        var forecast = new HoltWintersModel(7).Forecast(history, 14);
        for (var h = 0; h < 14; h++)
        {
            Assert.That(forecast[h], Is.EqualTo(100 + WeekShape[(84 + h) % 7]).Within(1e-6), $"day {h + 1}");
        }
    }

    [Test]
    public void Seasonal_naive_repeats_last_week()
    {
        var forecast = new SeasonalNaiveModel(7).Forecast(Weekly(30, 0), 7);
        Assert.That(forecast, Is.EqualTo(Enumerable.Range(30, 7).Select(t => WeekShape[t % 7]).ToArray()));
    }

    [Test]
    public void Yearly_holt_winters_follows_the_yearly_swing_that_weekly_alone_misses()
    {
        // Three 364-day years of a summer peak (amplitude 30) on top of the weekly shape.
        double Truth(int t) => 100 + 30 * Math.Sin(2 * Math.PI * t / 364) + WeekShape[t % 7];
        var history = Enumerable.Range(0, 3 * 364).Select(Truth).ToArray();
        var yearly = new HoltWintersModel(7, yearly: true).Forecast(history, 91);
        var weeklyOnly = new HoltWintersModel(7).Forecast(history, 91);
        var actual = Enumerable.Range(3 * 364, 91).Select(Truth).ToArray();

        var yearlyError = ForecastAccuracy.Of(actual, yearly).Mae;
        Assert.That(yearlyError, Is.LessThan(3), "the yearly profile carries the swing");
        Assert.That(ForecastAccuracy.Of(actual, weeklyOnly).Mae, Is.GreaterThan(3 * yearlyError));
    }

    [Test]
    public void Croston_on_regular_intermittent_demand_gives_size_over_interval_and_sba_removes_the_bias()
    {
        // 4 units every 4th day: a rate of exactly 1 a day.
        var history = Enumerable.Range(0, 80).Select(t => t % 4 == 3 ? 4.0 : 0).ToArray();
        Assert.That(new CrostonModel(syntetosBoylan: false).Forecast(history, 5), Has.All.EqualTo(1).Within(1e-9));
        Assert.That(new CrostonModel(syntetosBoylan: true).Forecast(history, 5), Has.All.EqualTo(0.95).Within(1e-9));
    }

    [Test]
    public void Tsb_decays_when_an_item_stops_selling_while_croston_does_not()
    {
        var selling = Enumerable.Range(0, 80).Select(t => t % 4 == 3 ? 4.0 : 0);
        var history = selling.Concat(new double[40]).ToArray();
        var tsb = new TsbModel().Forecast(history, 1)[0];
        var croston = new CrostonModel(syntetosBoylan: false).Forecast(history, 1)[0];

        Assert.That(croston, Is.EqualTo(1).Within(1e-9), "Croston only updates when a sale happens");
        Assert.That(tsb, Is.LessThan(0.1).And.GreaterThan(0), "TSB: (1 - 0.1)^40 of the probability is left");
        Assert.That(new TsbModel().Forecast(selling.ToArray(), 1)[0], Is.EqualTo(1).Within(0.2), "while selling, about the true rate");
    }

    [Test]
    public void A_series_that_never_sold_forecasts_zero_with_every_intermittent_model()
    {
        var history = new double[30];
        Assert.That(new CrostonModel(true).Forecast(history, 3), Has.All.EqualTo(0));
        Assert.That(new TsbModel().Forecast(history, 3), Has.All.EqualTo(0));
    }
}

public sealed class AccuracySpecs
{
    [Test]
    public void Mape_wape_and_bias_of_a_known_example()
    {
        // Errors: +2, -2, +1 (forecast − actual); the zero-demand day is left out of MAPE only.
        var accuracy = ForecastAccuracy.Of([10, 20, 0], [12, 18, 1]);
        Assert.That(accuracy.Mape, Is.EqualTo((0.2 + 0.1) / 2).Within(1e-12));
        Assert.That(accuracy.Wape, Is.EqualTo(5.0 / 30).Within(1e-12));
        Assert.That(accuracy.Bias, Is.EqualTo(1.0 / 30).Within(1e-12));
        Assert.That(accuracy.Mae, Is.EqualTo(5.0 / 3).Within(1e-12));
    }

    [Test]
    public void Without_actual_demand_the_percentage_measures_are_undefined()
    {
        var accuracy = ForecastAccuracy.Of([0, 0], [1, 0]);
        Assert.That(accuracy.Mape, Is.Null);
        Assert.That(accuracy.Wape, Is.Null);
        Assert.That(accuracy.Mae, Is.EqualTo(0.5));
    }
}

using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.UnitTests.DemandForecasting;

/// <summary>The per-series price and promotion regression (<see cref="PriceResponseModel"/>) and its place among the candidates.</summary>
public sealed class PriceResponseSpecs
{
    /// <summary>120 weeks whose units follow 1,000 × price^−2.5 with ±10 % noise, the price cut to 0.7 or 0.8 now and then; the
    /// price of the two weeks ahead (1.0, then a planned 0.7) known, in column 0, with a promotion flag in column 1.</summary>
    private static DemandSeries PriceDriven(int seed = 3)
    {
        var random = new Random(seed);
        var prices = Enumerable
            .Range(0, 122)
            .Select(t =>
                t == 121 ? 0.7
                : t % 9 == 4 ? 0.7
                : t % 11 == 6 ? 0.8
                : 1.0
            )
            .ToArray();
        var units = prices.Take(120).Select(p => Math.Round(1000 * Math.Pow(p, -2.5) * (0.9 + 0.2 * random.NextDouble()))).ToArray();
        var covariates = prices.Select(p => new[] { p, p < 1 ? 1.0 : 0 }).ToArray();
        return new DemandSeries("oj", units, covariates, [0]);
    }

    [Test]
    public void A_planned_price_cut_raises_the_forecast_as_the_series_own_price_response_says()
    {
        var series = PriceDriven();

        var forecast = PriceResponseModel.Forecast(series, 119, [1, 2], 52, PointForecast.Median)!;

        Assert.That(PriceResponseModel.Applies(series), Is.True);
        Assert.That(forecast[0], Is.EqualTo(1000).Within(10).Percent, "full price: the level at full price");
        // 1,000 × 0.7^−2.5 = 2,440 without the ridge's shrinkage; the ridge pulls the elasticity towards none.
        Assert.That(forecast[1], Is.InRange(1800, 2700), "a 30 % cut more than doubles the week's sales, as it did before");
    }

    [Test]
    public void Aimed_at_percentage_error_the_forecast_sits_below_the_median_and_the_expected_demand_above()
    {
        var series = PriceDriven();

        double At(PointForecast point) => PriceResponseModel.Forecast(series, 119, [1], 52, point)![0];

        Assert.That(At(PointForecast.PercentageError), Is.LessThan(At(PointForecast.Median)));
        Assert.That(At(PointForecast.Mean), Is.GreaterThan(At(PointForecast.Median)));
    }

    [Test]
    public void No_varying_covariate_or_mostly_zero_sales_leave_it_out_of_the_candidates()
    {
        var flat = new DemandSeries("flat", Enumerable.Repeat(5.0, 60).ToArray(), Enumerable.Repeat(new[] { 1.0, 0 }, 62).ToArray(), [0]);
        var slow = PriceDriven() with { Units = Enumerable.Range(0, 120).Select(t => t % 3 == 0 ? 4.0 : 0).ToArray() };

        Assert.That(PriceResponseModel.Applies(flat), Is.False, "nothing to regress on");
        Assert.That(PriceResponseModel.Forecast(flat, 59, [1], 52, PointForecast.Median), Is.Null);
        Assert.That(PriceResponseModel.Applies(slow), Is.False, "sold in a third of its weeks: Croston's kin forecast it");
        Assert.That(PriceResponseModel.Forecast(PriceDriven(), 20, [1], 52, PointForecast.Median), Is.Null, "21 weeks are too few");
    }

    [Test]
    public void A_small_price_driven_panel_is_forecast_by_the_models_that_see_the_price_not_by_its_last_week()
    {
        // Seven such series, forecast 1 and 2 weeks ahead, the second a planned cut: the naive forecast (last week) misses
        // the cut; the models that read the price (the price response, the global model, their combination) win the backtest.
        var settings = new ForecastSettings(HorizonDays: 2, PeriodDays: 7, Horizons: [1, 2]);
        var panel = Enumerable.Range(0, 7).Select(s => PriceDriven(s) with { Key = $"s{s}", Static = [s] }).ToList();

        var forecasts = DemandForecaster.Forecast(panel, settings);

        var seeing = new[] { PriceResponseModel.Name, GlobalBoostedModel.Name, DemandForecaster.CombinedName };
        Assert.That(forecasts.Select(f => f.Model).Distinct(), Is.SubsetOf(seeing));
        var candidates = forecasts[0].Candidates;
        Assert.That(
            candidates.Single(c => c.Model == PriceResponseModel.Name).Mape,
            Is.LessThan(candidates.Single(c => c.Model == "Naive").Mape!.Value / 2),
            "the price response halves the naive forecast's error"
        );
        Assert.That(forecasts[0].Candidates.Single(c => c.Model == "Naive").Points, Is.EqualTo(16), "8 origins x 2 horizons");
        Assert.That(forecasts.Select(f => f.P50[1] / f.P50[0]), Is.All.GreaterThan(1.6), "the planned cut lifts the second week");
    }

    [Test]
    public void The_combination_takes_the_weight_whose_backtest_beats_both_models_it_combines()
    {
        // Over the panel, the combination's pooled absolute error (the median point's loss) is at most the global model's and
        // the price response's: its weight is chosen from 0 (the price response alone) to 1 (the global model alone).
        var settings = new ForecastSettings(HorizonDays: 2, PeriodDays: 7, Horizons: [1, 2]);
        var panel = Enumerable.Range(0, 7).Select(s => PriceDriven(s) with { Key = $"s{s}", Static = [s] }).ToList();

        var forecasts = DemandForecaster.Forecast(panel, settings);

        double Pooled(string model) =>
            forecasts.Sum(f => f.Candidates.Single(c => c.Model == model) is var c ? c.Mae * c.Points : double.NaN);
        var global = Pooled(GlobalBoostedModel.Name);
        var response = Pooled(PriceResponseModel.Name);
        var combined = Pooled(DemandForecaster.CombinedName);
        Assert.That(Math.Abs(global - response), Is.GreaterThan(0.05 * Math.Min(global, response)), "the two differ: a weight matters");
        Assert.That(combined, Is.LessThanOrEqualTo(Math.Min(global, response) + 1e-6));
    }
}

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Forecasts a panel of daily series. Each candidate (baselines, Holt-Winters, Croston/SBA/TSB, and the global
/// gradient-boosted model) is scored by a rolling-origin backtest: for k = 1..folds, fit on the history up to
/// k × backtest horizon before the end and forecast the following backtest horizon. The candidate with the lowest
/// root mean squared error over all folds wins (ties go to the simpler model, listed first); its backtest errors give the
/// prediction interval: P10/P90 = P50 plus the 10th/90th percentile of (actual − forecast), never below zero.
/// </summary>
public static class DemandForecaster
{
    private const double P90Z = 1.2815515655446004;
    private const int MinimumTrainingDays = 14;
    private const int MinimumResiduals = 10;

    public static IReadOnlyList<IDemandModel> Candidates(int historyDays)
    {
        var models = new List<IDemandModel>
        {
            new NaiveModel(),
            new HistoricalMeanModel(),
            new SeasonalNaiveModel(7),
            new HoltWintersModel(7),
            new CrostonModel(syntetosBoylan: false),
            new CrostonModel(syntetosBoylan: true),
            new TsbModel(),
        };
        if (historyDays >= 2 * HoltWintersModel.YearLength)
        {
            models.Add(new HoltWintersModel(7, yearly: true));
        }

        return models;
    }

    public static IReadOnlyList<SeriesForecast> Forecast(IReadOnlyList<DemandSeries> panel, ForecastSettings settings)
    {
        if (panel.Count == 0)
        {
            return [];
        }

        var folds = Folds(panel, settings);
        var global = settings.UseGlobalModel ? GlobalBacktest(panel, folds, settings) : null;
        var globalFinal = global is null ? null : GlobalFinal(panel, settings);

        var results = new SeriesForecast[panel.Count];
        Parallel.For(0, panel.Count, s =>
        {
            results[s] = ForecastOne(panel[s], s, folds, global, globalFinal, settings);
        });
        return results;
    }

    /// <summary>Backtest origins as (days cut from the end, days scored), largest cut first.</summary>
    private static List<(int Cut, int Days)> Folds(IReadOnlyList<DemandSeries> panel, ForecastSettings settings)
    {
        var longest = panel.Max(p => p.Units.Length);
        var days = Math.Min(
            settings.BacktestHorizonDays,
            Math.Max(1, (longest - MinimumTrainingDays) / Math.Max(1, settings.BacktestFolds))
        );
        var folds = new List<(int Cut, int Days)>();
        for (var k = settings.BacktestFolds; k >= 1; k--)
        {
            if (longest - k * days >= MinimumTrainingDays)
            {
                folds.Add((k * days, days));
            }
        }

        return folds;
    }

    /// <summary>The global model's backtest forecasts: [fold][series] (null where the series was too short).</summary>
    private static double[]?[][]? GlobalBacktest(
        IReadOnlyList<DemandSeries> panel,
        List<(int Cut, int Days)> folds,
        ForecastSettings settings
    )
    {
        if (folds.Count == 0)
        {
            return null;
        }

        var result = new double[]?[folds.Count][];
        for (var f = 0; f < folds.Count; f++)
        {
            var (cut, days) = folds[f];
            var usable = Enumerable.Range(0, panel.Count).Where(s => panel[s].Units.Length - cut >= MinimumTrainingDays).ToList();
            var truncated = usable.Select(s => new PanelSeries(panel[s].Units[..^cut], panel[s].Covariates, panel[s].Static)).ToList();
            var horizons = Enumerable.Range(1, days).ToArray();
            var model = truncated.Count > 0 ? GlobalBoostedModel.Train(truncated, horizons, settings.GlobalOptions) : null;
            if (model is null)
            {
                return null;
            }

            var predictions = model.Predict(truncated, horizons);
            result[f] = new double[]?[panel.Count];
            for (var i = 0; i < usable.Count; i++)
            {
                result[f][usable[i]] = predictions[i];
            }
        }

        return result;
    }

    private static double[][]? GlobalFinal(IReadOnlyList<DemandSeries> panel, ForecastSettings settings)
    {
        var series = panel.Select(p => new PanelSeries(p.Units, p.Covariates, p.Static)).ToList();
        var horizons = Enumerable.Range(1, settings.HorizonDays).ToArray();
        return GlobalBoostedModel.Train(series, horizons, settings.GlobalOptions)?.Predict(series, horizons);
    }

    private static SeriesForecast ForecastOne(
        DemandSeries series,
        int index,
        List<(int Cut, int Days)> folds,
        double[]?[][]? global,
        double[][]? globalFinal,
        ForecastSettings settings
    )
    {
        var units = series.Units;
        var candidates = Candidates(units.Length);
        var scored = new List<(string Model, ForecastAccuracy Accuracy, List<double> Residuals)>();
        var names = candidates.Select(c => c.Name).ToList();
        if (global is not null && globalFinal is not null)
        {
            names.Add(GlobalBoostedModel.Name);
        }

        foreach (var name in names)
        {
            var actual = new List<double>();
            var forecast = new List<double>();
            for (var f = 0; f < folds.Count; f++)
            {
                var (cut, days) = folds[f];
                var trainingDays = units.Length - cut;
                if (trainingDays < MinimumTrainingDays)
                {
                    continue;
                }

                var predicted =
                    name == GlobalBoostedModel.Name
                        ? global![f][index]
                        : candidates.First(c => c.Name == name).Forecast(units.AsSpan(0, trainingDays), days);
                if (predicted is null)
                {
                    continue;
                }

                for (var d = 0; d < days; d++)
                {
                    actual.Add(units[trainingDays + d]);
                    forecast.Add(Math.Max(0, predicted[d]));
                }
            }

            if (actual.Count > 0)
            {
                scored.Add((name, ForecastAccuracy.Of(actual, forecast), actual.Select((a, i) => a - forecast[i]).ToList()));
            }
        }

        // Lowest squared error wins: absolute-error measures (WAPE, MAE) reward forecasting zero for slow movers,
        // which would never restock them; squared error is minimised by the mean rate.
        var best = scored.OrderBy(c => Math.Round(c.Accuracy.Rmse, 9)).FirstOrDefault();
        var chosen = best.Model ?? new HistoricalMeanModel().Name;
        var p50 =
            chosen == GlobalBoostedModel.Name
                ? globalFinal![index]
                : (candidates.FirstOrDefault(c => c.Name == chosen) ?? new HistoricalMeanModel()).Forecast(units, settings.HorizonDays);
        p50 = p50.Select(v => Math.Max(0, v)).ToArray();

        var (p10, p90) = Interval(p50, best.Residuals);
        var accuracy = scored
            .Select(c => new CandidateAccuracy(
                c.Model,
                c.Accuracy.Wape,
                c.Accuracy.Mape,
                c.Accuracy.Bias,
                c.Accuracy.Mae,
                c.Accuracy.Rmse,
                c.Accuracy.Points
            ))
            .ToList();
        return new SeriesForecast(series.Key, chosen, p10, p50, p90, accuracy);
    }

    /// <summary>P10/P90 from the backtest residual quantiles; with too few residuals, a Poisson-like band of ±1.28√P50.</summary>
    public static (double[] P10, double[] P90) Interval(double[] p50, IReadOnlyList<double>? residuals)
    {
        if (residuals is { Count: >= MinimumResiduals })
        {
            var sorted = residuals.Order().ToArray();
            var low = Quantile(sorted, 0.1);
            var high = Quantile(sorted, 0.9);
            return (p50.Select(v => Math.Max(0, Math.Min(v, v + low))).ToArray(), p50.Select(v => Math.Max(v, v + high)).ToArray());
        }

        return (p50.Select(v => Math.Max(0, v - P90Z * Math.Sqrt(v))).ToArray(), p50.Select(v => v + P90Z * Math.Sqrt(v)).ToArray());
    }

    /// <summary>Linear-interpolated quantile of sorted values.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}

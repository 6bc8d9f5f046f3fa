namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Forecasts a panel of sales series at the horizons the settings ask for. Every candidate (baselines, Holt-Winters,
/// Croston/SBA/TSB, the global gradient-boosted model, the series' own price response where it has covariates that vary
/// (<see cref="PriceResponseModel"/>), and a weighted combination of the last two) is scored by a rolling-origin backtest on exactly those
/// horizons: from origins one week apart (3, more for a small panel: <see cref="ForecastSettings.ForPanel"/>), the earliest
/// <see cref="ForecastSettings.BacktestPeriods"/> before the end, it
/// forecasts the same periods ahead it will forecast for real (a history too short for the longest horizon scores those
/// its actuals reach). The global model is trained once, on every target before
/// the backtest periods, with the options the panel calls for (<see cref="GlobalModelOptions.For"/>); that very model is
/// scored and, if chosen, publishes the forecast: nothing is retrained on other horizons.
/// Backtest forecasts are capped by <see cref="ForecastGuard"/> as published ones are. A series with enough backtest
/// points (<see cref="MinimumOwnPoints"/>) takes its own best candidate (absolute error for the median, squared error for
/// the expected demand or a series selling in under half its periods, percentage error for MAPE; ties go to the simpler
/// model, listed first); one with fewer takes the candidate that did best across the panel (each series' score relative
/// to its mean forecast's, the geometric mean over the series). The combination's weight of the global model is the one
/// (0, 0.1, …, 1) with the lowest backtest loss pooled over the panel.
/// P10/P90 come from the chosen model's backtest errors: the series' own (P50 plus their 10th/90th percentiles) when it
/// has enough, else the panel's ratios of actual to forecast for that model. Finally <see cref="ForecastGuard"/> caps
/// what history cannot explain.
/// </summary>
public static class DemandForecaster
{
    public const int MinimumOwnPoints = 28;
    private const double P90Z = 1.2815515655446004;
    private const int MinimumTrainingPeriods = ForecastSettings.MinimumTrainingPeriods;
    private const int MinimumResiduals = 10;

    public static IReadOnlyList<IDemandModel> Candidates(int historyPeriods, ForecastSettings settings)
    {
        var season = settings.SeasonLength;
        var models = new List<IDemandModel>
        {
            // The mean first: on a tie (a steady seller, perfect backtests) it wins, not naive, which would publish
            // whatever the last day sold (nothing, for a seller whose last two days had no sales).
            new HistoricalMeanModel(),
            new NaiveModel(),
            new SeasonalNaiveModel(season),
            new HoltWintersModel(season),
            new CrostonModel(syntetosBoylan: false),
            new CrostonModel(syntetosBoylan: true),
            new TsbModel(),
        };
        if (settings.PeriodDays == 1 && historyPeriods >= 2 * HoltWintersModel.YearLength)
        {
            models.Add(new HoltWintersModel(season, yearly: true));
        }

        return models;
    }

    public static IReadOnlyList<SeriesForecast> Forecast(IReadOnlyList<DemandSeries> panel, ForecastSettings settings)
    {
        if (panel.Count == 0)
        {
            return [];
        }

        settings = settings.ForPanel(panel.Count);
        // LightGBM trains on one core; the other candidates' backtests run beside it on the rest.
        var training = settings.UseGlobalModel ? Task.Run(() => FitGlobal(panel, settings)) : Task.FromResult<GlobalFit?>(null);
        var backtests = new SeriesBacktest[panel.Count];
        Parallel.For(0, panel.Count, s => backtests[s] = Backtest(panel[s], settings));
        var global = training.GetAwaiter().GetResult();
        if (global is not null)
        {
            Parallel.For(0, panel.Count, s => backtests[s] = WithGlobal(backtests[s], panel[s], s, global, settings));
        }

        var weight = CombinationWeight(backtests, settings.Point);
        if (weight is { } w)
        {
            foreach (var backtest in backtests)
            {
                AddCombination(backtest, w);
            }
        }

        var panelChoice = PanelChoice(backtests);
        var ratios = PooledRatios(backtests);
        var results = new SeriesForecast[panel.Count];
        Parallel.For(0, panel.Count, s =>
            results[s] = Publish(panel[s], s, backtests[s], panelChoice, ratios, global, weight ?? 0.5, settings)
        );
        return results;
    }

    /// <summary>
    /// The global model of the panel: trained once on every target before the backtest periods, with its forecasts from
    /// each backtest origin and from the end of the history; null when the panel is too short to train it. For a MAPE
    /// point forecast every forecast is multiplied by the factor that minimises the backtest's pooled MAPE.
    /// </summary>
    public static GlobalFit? FitGlobal(IReadOnlyList<DemandSeries> panel, ForecastSettings settings)
    {
        var horizons = settings.ForecastHorizons;
        var lengths = panel.Select(p => p.Units.Length).Order().ToArray();
        // Shaped by the median series; every series' backtest periods held out, the longest series' included.
        var options = GlobalModelOptions.For(panel.Count, lengths[lengths.Length / 2], settings) with
        {
            HoldoutRecentPeriods = settings.BacktestPeriods(lengths[^1]),
        };
        var series = panel.Select(p => new PanelSeries(p.Units, p.Covariates, p.Static)).ToList();
        var model = GlobalBoostedModel.Train(series, horizons, options);
        if (model is null)
        {
            return null;
        }

        var folds = new double[]?[settings.BacktestFolds][];
        for (var k = 0; k < settings.BacktestFolds; k++)
        {
            var usable = Enumerable.Range(0, panel.Count).Where(s => Origin(panel[s], k, settings) + 1 >= MinimumTrainingPeriods).ToList();
            var truncated = usable
                .Select(s => new PanelSeries(panel[s].Units[..(Origin(panel[s], k, settings) + 1)], panel[s].Covariates, panel[s].Static))
                .ToList();
            var predictions = truncated.Count > 0 ? model.Predict(truncated, horizons) : [];
            folds[k] = new double[]?[panel.Count];
            for (var i = 0; i < usable.Count; i++)
            {
                folds[k][usable[i]] = predictions[i];
            }
        }

        var final = model.Predict(series, horizons);
        var factor = 1.0;
        if (settings.Point == PointForecast.PercentageError)
        {
            var actual = new List<double>();
            var forecast = new List<double>();
            for (var k = 0; k < folds.Length; k++)
            {
                for (var s = 0; s < panel.Count; s++)
                {
                    if (folds[k][s] is { } predicted)
                    {
                        var origin = Origin(panel[s], k, settings);
                        for (var j = 0; j < horizons.Length && origin + horizons[j] < panel[s].Units.Length; j++)
                        {
                            actual.Add(panel[s].Units[origin + horizons[j]]);
                            forecast.Add(Math.Max(0, predicted[j]));
                        }
                    }
                }
            }

            factor = GlobalBoostedModel.PercentageErrorScale(actual, forecast);
        }

        double[] Scaled(double[] values) => values.Select(v => factor * v).ToArray();
        return new GlobalFit(
            model,
            options,
            folds.Select(f => f.Select(p => p is null ? null : Scaled(p)).ToArray()).ToArray(),
            final.Select(Scaled).ToArray(),
            factor
        );
    }

    /// <summary>The index of the last period a backtest origin k (0 = the latest) sees: one week earlier per fold, and
    /// far enough from the end that every forecast horizon has an actual when the history allows.</summary>
    private static int Origin(DemandSeries series, int k, ForecastSettings settings) =>
        series.Units.Length - 1 - settings.BacktestReach(series.Units.Length) - k * settings.BacktestStep;

    /// <summary>Every candidate but the global model scored on the series' backtest origins.</summary>
    private static SeriesBacktest Backtest(DemandSeries series, ForecastSettings settings)
    {
        var units = series.Units;
        var horizons = settings.ForecastHorizons;
        var scored = new List<ScoredCandidate>();
        foreach (var candidate in Candidates(units.Length, settings))
        {
            scored.AddIfAny(
                Score(
                    series,
                    candidate.Name,
                    (_, origin) => AtHorizons(candidate.Forecast(units.AsSpan(0, origin + 1), horizons.Max()), horizons),
                    settings
                )
            );
        }

        if (PriceResponseModel.Applies(series))
        {
            scored.AddIfAny(Score(series, PriceResponseModel.Name, (_, origin) => PriceResponse(series, origin, settings), settings));
        }

        return Scored(series, scored, settings);
    }

    /// <summary>The backtest with the global model's scores added after the univariate candidates.</summary>
    private static SeriesBacktest WithGlobal(
        SeriesBacktest backtest,
        DemandSeries series,
        int index,
        GlobalFit global,
        ForecastSettings settings
    )
    {
        if (Score(series, GlobalBoostedModel.Name, (k, _) => global.Folds[k][index], settings) is not { } scored)
        {
            return backtest;
        }

        var candidates = backtest.Scored.ToList();
        var at = candidates.FindIndex(c => c.Model == PriceResponseModel.Name);
        candidates.Insert(at < 0 ? candidates.Count : at, scored);
        return Scored(series, candidates, settings);
    }

    /// <summary>
    /// One candidate's forecasts from every backtest origin k (its <paramref name="predict"/>(k, origin): the horizons' forecasts
    /// or null when it has none there), scored against the actuals; null when it scored none.
    /// </summary>
    private static ScoredCandidate? Score(DemandSeries series, string name, Func<int, int, double[]?> predict, ForecastSettings settings)
    {
        var units = series.Units;
        var horizons = settings.ForecastHorizons;
        var actual = new List<double>();
        var forecast = new List<double>();
        for (var k = 0; k < settings.BacktestFolds; k++)
        {
            var origin = Origin(series, k, settings);
            if (origin + 1 < MinimumTrainingPeriods || predict(k, origin) is not { } predicted)
            {
                continue;
            }

            // Scored as it would be published: capped by the guard on the history the origin sees.
            var promoted = Promoted(series, origin, horizons);
            predicted = ForecastGuard.Cap(units.AsSpan(0, origin + 1), predicted, predicted, predicted, promoted).P50;

            for (var j = 0; j < horizons.Length && origin + horizons[j] < units.Length; j++)
            {
                actual.Add(units[origin + horizons[j]]);
                forecast.Add(Math.Max(0, predicted[j]));
            }
        }

        return actual.Count > 0 ? new ScoredCandidate(name, ForecastAccuracy.Of(actual, forecast), actual, forecast) : null;
    }

    /// <summary>
    /// The scored candidates with what ranks them: MAPE only where the series sold in some scored period; absolute error only
    /// where it sold in at least half its periods (else the median is zero and absolute error rewards forecasting nothing);
    /// else squared error.
    /// </summary>
    private static SeriesBacktest Scored(DemandSeries series, List<ScoredCandidate> scored, ForecastSettings settings)
    {
        var percentage = settings.Point == PointForecast.PercentageError && scored.All(c => c.Accuracy.Mape is not null);
        var absolute = settings.Point == PointForecast.Median && 2 * series.Units.Count(u => u > 0) >= series.Units.Length;
        return new SeriesBacktest(scored, percentage, absolute);
    }

    private static void AddIfAny(this List<ScoredCandidate> scored, ScoredCandidate? candidate)
    {
        if (candidate is not null)
        {
            scored.Add(candidate);
        }
    }

    /// <summary>Whether each forecast horizon from an origin falls on a promoted period; null when the series marks none.</summary>
    private static List<bool>? Promoted(DemandSeries series, int origin, int[] horizons) =>
        series.Promoted is null ? null : horizons.Select(h => origin + h < series.Promoted.Length && series.Promoted[origin + h]).ToList();

    /// <summary>
    /// The name of the combination w × the global model's forecast + (1 − w) × the series' price response. Their errors
    /// differ (one learns across the panel from lags, the other one series' own elasticity), so a combination beat both on
    /// the validation rounds of OrangeJuice and of the tuna panel (docs/forecasting.md).
    /// </summary>
    public const string CombinedName = "GlobalAndPriceResponse";

    /// <summary>Combination weights tried: 0, 0.1, …, 1.</summary>
    private const int CombinationSteps = 10;

    /// <summary>
    /// The weight w of the global model in the combination: the one whose combined backtest forecasts have the lowest loss
    /// pooled over the panel (percentage, absolute or squared error as the point forecast asks), over the series where both
    /// were scored on the same periods; null when none was.
    /// </summary>
    private static double? CombinationWeight(IReadOnlyList<SeriesBacktest> backtests, PointForecast point)
    {
        var points = new List<(double Actual, double Global, double Response)>();
        foreach (var backtest in backtests)
        {
            if (Pair(backtest) is var (global, response))
            {
                points.AddRange(global.Actual.Select((a, i) => (a, global.Forecast[i], response.Forecast[i])));
            }
        }

        if (points.Count == 0)
        {
            return null;
        }

        return Enumerable
            .Range(0, CombinationSteps + 1)
            .Select(i => (double)i / CombinationSteps)
            .MinBy(w => points.Sum(p => Loss(p.Actual, w * p.Global + (1 - w) * p.Response, point)));
    }

    private static double Loss(double actual, double forecast, PointForecast point) =>
        point switch
        {
            PointForecast.PercentageError => actual > 0 ? Math.Abs(actual - forecast) / actual : 0,
            PointForecast.Median => Math.Abs(actual - forecast),
            _ => (actual - forecast) * (actual - forecast),
        };

    /// <summary>The global model's and the price response's backtests of a series, when both scored the same periods.</summary>
    private static (ScoredCandidate Global, ScoredCandidate Response)? Pair(SeriesBacktest backtest) =>
        backtest.Scored.FirstOrDefault(c => c.Model == GlobalBoostedModel.Name) is { } global
        && backtest.Scored.FirstOrDefault(c => c.Model == PriceResponseModel.Name) is { } response
        && global.Actual.Count == response.Actual.Count
            ? (global, response)
            : null;

    /// <summary>Scores the combination with weight <paramref name="w"/> from the two backtests it combines.</summary>
    private static void AddCombination(SeriesBacktest backtest, double w)
    {
        if (Pair(backtest) is var (global, response))
        {
            var forecast = global.Forecast.Select((g, i) => w * g + (1 - w) * response.Forecast[i]).ToList();
            backtest.Scored.Add(new ScoredCandidate(CombinedName, ForecastAccuracy.Of(global.Actual, forecast), global.Actual, forecast));
        }
    }

    private static double[]? PriceResponse(DemandSeries series, int origin, ForecastSettings settings) =>
        PriceResponseModel.Forecast(series, origin, settings.ForecastHorizons, 364 / settings.PeriodDays, settings.Point);

    private static double[]? Combine(double[] global, double[]? response, double w) =>
        response?.Select((r, i) => w * Math.Max(0, global[i]) + (1 - w) * Math.Max(0, r)).ToArray();

    /// <summary>The smallest relative score the panel choice takes the log of (a perfect backtest scores 0).</summary>
    private const double MinimumRatio = 1e-6;

    private static double[] AtHorizons(double[] forecast, int[] horizons) => horizons.Select(h => forecast[h - 1]).ToArray();

    /// <summary>
    /// The candidate with the lowest geometric mean, over the series that scored it (at least half the series with a
    /// backtest), of its score relative to the mean forecast's on the same series; null without backtests. Not the average:
    /// one series where a candidate blows up 65-fold must not hand a large panel to a worse model; not the median either:
    /// in a panel of 7 series the median let naive win on 4 series by a little while it missed a promotion week 76-fold on
    /// another (docs/forecasting.md). On a log scale a blow-up counts as what it is, one series' error.
    /// </summary>
    private static string? PanelChoice(IReadOnlyList<SeriesBacktest> backtests)
    {
        var relative = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var names = new List<string>();
        var series = 0;
        foreach (var backtest in backtests)
        {
            var mean = backtest.Scored.FirstOrDefault(c => c.Model == "Mean");
            if (mean is null || backtest.Score(mean) <= 0)
            {
                continue;
            }

            series++;
            foreach (var candidate in backtest.Scored)
            {
                if (!relative.TryGetValue(candidate.Model, out var list))
                {
                    relative[candidate.Model] = list = [];
                    names.Add(candidate.Model);
                }

                list.Add(backtest.Score(candidate) / backtest.Score(mean));
            }
        }

        return names
            .Where(n => 2 * relative[n].Count >= series)
            .Select(n => (Name: n, Score: PanelScore(relative[n])))
            .OrderBy(c => Math.Round(c.Score, 9))
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>
    /// A candidate's score over the panel from its per-series scores relative to the mean forecast's: their geometric mean
    /// (a perfect backtest counts as <see cref="MinimumRatio"/>). Lower is better; 1 is as good as the mean forecast.
    /// </summary>
    public static double PanelScore(IReadOnlyCollection<double> relativeScores) =>
        Math.Exp(relativeScores.Average(r => Math.Log(Math.Max(r, MinimumRatio))));

    /// <summary>Per model, the sorted ratios actual / forecast of every backtest point with a positive forecast, over the panel.</summary>
    private static Dictionary<string, double[]> PooledRatios(IReadOnlyList<SeriesBacktest> backtests) =>
        backtests
            .SelectMany(b => b.Scored)
            .GroupBy(c => c.Model, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                    g.SelectMany(c => c.Actual.Select((a, i) => (Actual: a, Forecast: c.Forecast[i])))
                        .Where(p => p.Forecast > 0)
                        .Select(p => p.Actual / p.Forecast)
                        .Order()
                        .ToArray(),
                StringComparer.Ordinal
            );

    private static SeriesForecast Publish(
        DemandSeries series,
        int index,
        SeriesBacktest backtest,
        string? panelChoice,
        Dictionary<string, double[]> ratios,
        GlobalFit? global,
        double combination,
        ForecastSettings settings
    )
    {
        var units = series.Units;
        var horizons = settings.ForecastHorizons;
        var own =
            backtest.Scored.Count > 0 && backtest.Scored.Min(c => c.Actual.Count) >= MinimumOwnPoints
                ? backtest.Scored.OrderBy(c => Math.Round(backtest.Score(c), 9)).First().Model
                : null;
        var chosen = own ?? panelChoice ?? new HistoricalMeanModel().Name;
        if (chosen == GlobalBoostedModel.Name && global is null)
        {
            chosen = new HistoricalMeanModel().Name;
        }

        var candidates = Candidates(units.Length, settings);
        var p50 = chosen switch
        {
            GlobalBoostedModel.Name => global!.Final[index],
            PriceResponseModel.Name => PriceResponse(series, units.Length - 1, settings),
            CombinedName => Combine(global!.Final[index], PriceResponse(series, units.Length - 1, settings), combination),
            _ => null,
        };
        p50 ??= AtHorizons(
            (candidates.FirstOrDefault(c => c.Name == chosen) ?? new HistoricalMeanModel()).Forecast(units, horizons.Max()),
            horizons
        );
        p50 = p50.Select(v => Math.Max(0, v)).ToArray();

        var mine = backtest.Scored.FirstOrDefault(c => c.Model == chosen);
        var (p10, p90) =
            mine is not null && mine.Actual.Count >= MinimumResiduals
                ? Interval(p50, mine.Actual.Select((a, i) => a - mine.Forecast[i]).ToList())
                : RatioInterval(p50, ratios.GetValueOrDefault(chosen));

        var promoted = Promoted(series, units.Length - 1, horizons);
        var (low, mid, high, guard) = ForecastGuard.Cap(units, p10, p50, p90, promoted);
        var accuracy = backtest
            .Scored.Select(c => new CandidateAccuracy(
                c.Model,
                c.Accuracy.Wape,
                c.Accuracy.Mape,
                c.Accuracy.Bias,
                c.Accuracy.Mae,
                c.Accuracy.Rmse,
                c.Accuracy.Points
            ))
            .ToList();
        return new SeriesForecast(series.Key, chosen, low, mid, high, accuracy, guard);
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

    /// <summary>P10/P90 as P50 times the 10th/90th percentiles of the pooled ratios actual / forecast; the Poisson-like band
    /// without enough of them.</summary>
    public static (double[] P10, double[] P90) RatioInterval(double[] p50, double[]? sortedRatios)
    {
        if (sortedRatios is not { Length: >= MinimumResiduals })
        {
            return Interval(p50, null);
        }

        var low = Math.Min(1, Quantile(sortedRatios, 0.1));
        var high = Math.Max(1, Quantile(sortedRatios, 0.9));
        return (p50.Select(v => v * low).ToArray(), p50.Select(v => v * high).ToArray());
    }

    /// <summary>Linear-interpolated quantile of sorted values.</summary>
    public static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private sealed record ScoredCandidate(string Model, ForecastAccuracy Accuracy, List<double> Actual, List<double> Forecast);

    private sealed record SeriesBacktest(List<ScoredCandidate> Scored, bool Percentage, bool Absolute)
    {
        public double Score(ScoredCandidate candidate) =>
            Percentage ? candidate.Accuracy.Mape!.Value
            : Absolute ? candidate.Accuracy.Mae
            : candidate.Accuracy.Rmse;
    }
}

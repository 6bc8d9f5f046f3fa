namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// A global gradient-boosted model (LightGBM) trained across all series of a panel at once, on lags, rolling means,
/// the same period one season back, the horizon, and the covariates of the target period. Learning across series lets
/// a short or noisy series borrow the patterns of the others (price and promotion response, weekday shape).
/// </summary>
public sealed class GlobalBoostedModel
{
    /// <summary>Feature positions of the series' static features: after the horizon and the level.</summary>
    private const int FirstStatic = 2;

    private readonly LightGbmBooster _booster;
    private readonly GlobalModelOptions _options;
    private readonly int _featureCount;

    private GlobalBoostedModel(
        LightGbmBooster booster,
        GlobalModelOptions options,
        int featureCount,
        double? holdoutVariance,
        double? holdoutScale,
        IReadOnlyList<int> horizons
    )
    {
        Horizons = horizons.Order().ToArray();
        HoldoutResidualVariance = holdoutVariance;
        HoldoutPercentageErrorScale = holdoutScale;
        _booster = booster;
        _options = options;
        _featureCount = featureCount;
    }

    public const string Name = "GlobalGradientBoosted";

    /// <summary>The fewest training examples the model is trained on; with fewer, <see cref="Train"/> gives none.</summary>
    public const int MinimumExamples = 50;

    /// <summary>The horizons the model was trained on, ascending: the only ones it forecasts.</summary>
    public IReadOnlyList<int> Horizons { get; }

    /// <summary>
    /// Mean squared error (in label units) on the examples held out of training (<see cref="GlobalModelOptions.HoldoutFraction"/>);
    /// null without a holdout. For a log-scale target it is the variance σ² that turns a median into other point forecasts.
    /// </summary>
    public double? HoldoutResidualVariance { get; }

    /// <summary>
    /// The factor k that minimises the held-out examples' mean absolute percentage error of k × forecast
    /// (<see cref="PercentageErrorScale"/>); null without a holdout. Meaningful for a label in units, not logs.
    /// </summary>
    public double? HoldoutPercentageErrorScale { get; }

    /// <summary>
    /// The point forecast that minimises the expected absolute percentage error when the error is log-normal:
    /// exp(log median − σ²). The median exp(μ) over-forecasts under MAPE, which punishes over-forecasts of small actuals most.
    /// </summary>
    public static double MapeOptimalFromLog(double logMedian, double variance) => Math.Exp(logMedian - variance);

    /// <summary>
    /// The k ≥ 0 minimising Σ |yᵢ − k·fᵢ| / yᵢ over pairs with a positive actual and forecast; 1 when there are none.
    /// Σ (fᵢ/yᵢ)·|yᵢ/fᵢ − k| is a weighted sum of absolute deviations, so k is the median of the ratios yᵢ/fᵢ weighted fᵢ/yᵢ.
    /// </summary>
    public static double PercentageErrorScale(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        var pairs = new List<(double Ratio, double Weight)>();
        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i] > 0 && forecast[i] > 0)
            {
                pairs.Add((actual[i] / forecast[i], forecast[i] / actual[i]));
            }
        }

        if (pairs.Count == 0)
        {
            return 1;
        }

        pairs.Sort((a, b) => a.Ratio.CompareTo(b.Ratio));
        var half = pairs.Sum(p => p.Weight) / 2;
        var cumulative = 0.0;
        foreach (var (ratio, weight) in pairs)
        {
            cumulative += weight;
            if (cumulative >= half)
            {
                return ratio;
            }
        }

        return pairs[^1].Ratio;
    }

    /// <summary>Trains on every series' own history; null when the panel is too short to make examples.</summary>
    public static GlobalBoostedModel? Train(IReadOnlyList<PanelSeries> panel, IReadOnlyList<int> horizons, GlobalModelOptions options)
    {
        var candidates = new List<(int Series, int Origin, int Horizon)>();
        for (var s = 0; s < panel.Count; s++)
        {
            var n = panel[s].Values.Length;
            // Origins step back from the end so the most recent behaviour is always in the training set.
            for (var origin = n - 1 - horizons.Min(); origin >= options.Warmup - 1; origin -= options.OriginStep)
            {
                foreach (var h in horizons)
                {
                    if (origin + h < n && !double.IsNaN(panel[s].Values[origin + h]))
                    {
                        candidates.Add((s, origin, h));
                    }
                }
            }
        }

        if (candidates.Count < MinimumExamples)
        {
            return null;
        }

        if (candidates.Count > options.MaxTrainingRows)
        {
            var random = new Random(options.Seed);
            var keep = (double)options.MaxTrainingRows / candidates.Count;
            candidates = candidates.Where(_ => random.NextDouble() < keep).ToList();
        }

        // Recent targets held out measure the error the way forecasts meet it: after the training data ends.
        var split = new Random(options.Seed + 1);
        var held = candidates
            .Select(c =>
                c.Origin + c.Horizon >= panel[c.Series].Values.Length - options.HoldoutRecentPeriods
                || (options.HoldoutFraction > 0 && split.NextDouble() < options.HoldoutFraction)
            )
            .ToArray();
        if (held.Count(h => !h) < MinimumExamples)
        {
            return null; // everything recent enough to learn from is held out for the backtest
        }

        var featureCount = FeatureCount(panel[0], options);
        var (features, labels) = Examples(panel, candidates.Where((_, i) => !held[i]).ToList(), options, featureCount);
        var (heldFeatures, heldLabels) = Examples(panel, candidates.Where((_, i) => held[i]).ToList(), options, featureCount);

        float[]? weights = null;
        if (options.WeighForPercentageError)
        {
            // For a log-scale target: weight 1/units makes the squared-log fit aim at the point that minimises percentage
            // error (the log mean shifts by −σ² under a log-normal error, per example), as a MAPE objective would.
            var raw = labels.Select(l => Math.Exp(-l)).ToArray();
            var mean = raw.Average();
            weights = raw.Select(w => (float)(w / mean)).ToArray();
        }

        var booster = LightGbmBooster.Train(features, featureCount, labels, weights, Parameters(panel[0], options), options.Trees);
        double? variance = null;
        double? scale = null;
        if (heldLabels.Length > 0)
        {
            var scores = booster.Predict(heldFeatures, options.Threads);
            variance = heldLabels.Select((y, i) => Math.Pow(y - scores[i], 2)).Average();
            scale = PercentageErrorScale(heldLabels.Select(y => (double)y).ToArray(), scores);
        }

        return new GlobalBoostedModel(booster, options, featureCount, variance, scale, horizons);
    }

    /// <summary>For each series, the forecast of each horizon from the end of its history.</summary>
    public double[][] Predict(IReadOnlyList<PanelSeries> panel, IReadOnlyList<int> horizons)
    {
        if (horizons.Except(Horizons).FirstOrDefault() is var untrained and > 0)
        {
            throw new ArgumentException($"The model was not trained to forecast {untrained} periods ahead.", nameof(horizons));
        }

        var features = new float[panel.Count * horizons.Count * _featureCount];
        var scales = new double[panel.Count * horizons.Count];
        Parallel.For(0, panel.Count, s =>
        {
            for (var j = 0; j < horizons.Count; j++)
            {
                var index = s * horizons.Count + j;
                scales[index] = Features(
                    panel[s],
                    panel[s].Values.Length - 1,
                    horizons[j],
                    _options,
                    features.AsSpan(index * _featureCount, _featureCount)
                );
            }
        });

        var scores = _booster.Predict(features, _options.Threads);
        var result = new double[panel.Count][];
        for (var s = 0; s < panel.Count; s++)
        {
            result[s] = new double[horizons.Count];
            for (var j = 0; j < horizons.Count; j++)
            {
                var index = s * horizons.Count + j;
                result[s][j] = scores[index] * scales[index];
            }
        }

        return result;
    }

    /// <summary>The examples' features as one row-major matrix, and their labels (divided by the series' level when scaled).</summary>
    private static (float[] Features, float[] Labels) Examples(
        IReadOnlyList<PanelSeries> panel,
        List<(int Series, int Origin, int Horizon)> examples,
        GlobalModelOptions options,
        int featureCount
    )
    {
        var features = new float[examples.Count * featureCount];
        var labels = new float[examples.Count];
        Parallel.For(0, examples.Count, i =>
        {
            var (s, origin, h) = examples[i];
            var scale = Features(panel[s], origin, h, options, features.AsSpan(i * featureCount, featureCount));
            labels[i] = (float)(panel[s].Values[origin + h] / scale);
        });
        return (features, labels);
    }

    /// <summary>LightGBM's parameters for the options (one thread unless asked: OpenMP threads spin and crawl on busy cores).</summary>
    private static Dictionary<string, string> Parameters(PanelSeries series, GlobalModelOptions options)
    {
        var parameters = new Dictionary<string, string>
        {
            ["objective"] = options.Objective switch
            {
                BoostingObjective.PercentageError => "mape",
                BoostingObjective.AbsoluteError => "regression_l1",
                _ => "regression",
            },
            ["num_leaves"] = Invariant(options.Leaves),
            ["learning_rate"] = Invariant(options.LearningRate),
            ["min_data_in_leaf"] = Invariant(options.MinimumExamplesPerLeaf),
            ["feature_fraction"] = Invariant(options.FeatureFraction),
            ["bagging_fraction"] = Invariant(options.BaggingFraction),
            ["bagging_freq"] = Invariant(options.BaggingFrequency),
            ["max_bin"] = Invariant(options.MaxBins),
            ["seed"] = Invariant(options.Seed),
            ["num_threads"] = Invariant(options.Threads),
            ["deterministic"] = "true",
            ["force_row_wise"] = "true",
            ["verbosity"] = "-1",
        };
        if (options.CategoricalStatic && series.Static.Length > 0)
        {
            parameters["categorical_feature"] = string.Join(',', Enumerable.Range(FirstStatic, series.Static.Length));
        }

        return parameters;
    }

    private static string Invariant(IFormattable value) => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture);

    private static int FeatureCount(PanelSeries series, GlobalModelOptions options) =>
        FirstStatic
        + series.Static.Length
        + series.Covariates[0].Length * (options.IncludeOriginCovariates ? 2 : 1)
        + options.Lags
        + options.RollingWindows.Length
        + 1;

    /// <summary>Fills the features of forecasting period origin + h from origin; returns the scale the label is divided by.</summary>
    private static double Features(PanelSeries series, int origin, int h, GlobalModelOptions options, Span<float> features)
    {
        var y = series.Values;
        var scale = 1.0;
        if (options.ScaleByLevel)
        {
            scale = 1 + Mean(y, origin, options.LevelWindow);
        }

        var i = 0;
        features[i++] = h;
        features[i++] = options.ScaleByLevel ? (float)Math.Log(scale) : 0;
        foreach (var value in series.Static)
        {
            features[i++] = (float)value;
        }

        foreach (var value in series.Covariates[origin + h])
        {
            features[i++] = (float)value;
        }

        if (options.IncludeOriginCovariates)
        {
            // What held at the origin, so the model can read a change (a price cut) against the lags it explains.
            foreach (var value in series.Covariates[origin])
            {
                features[i++] = (float)value;
            }
        }

        for (var lag = 0; lag < options.Lags; lag++)
        {
            features[i++] = origin - lag >= 0 ? (float)(y[origin - lag] / scale) : float.NaN;
        }

        foreach (var window in options.RollingWindows)
        {
            features[i++] = (float)(Mean(y, origin, window) / scale);
        }

        // The same period of the season most recently observed (for daily sales: the same weekday).
        var back = origin + h - options.SeasonLength * (int)Math.Ceiling((double)h / options.SeasonLength);
        features[i] = back >= 0 ? (float)(y[back] / scale) : float.NaN;
        return scale;
    }

    /// <summary>Mean of the (non-missing) values of the window ending at <paramref name="end"/>.</summary>
    private static double Mean(double[] y, int end, int window)
    {
        double sum = 0;
        var count = 0;
        for (var t = Math.Max(0, end - window + 1); t <= end; t++)
        {
            if (!double.IsNaN(y[t]))
            {
                sum += y[t];
                count++;
            }
        }

        return count > 0 ? sum / count : 0;
    }
}

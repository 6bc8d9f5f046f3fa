using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// One series of a panel, as the global model sees it. <see cref="Values"/> is the known history (oldest first);
/// <see cref="Covariates"/> has one row per period for the history AND the forecast horizon (prices, promotions,
/// holidays, calendar: things known in advance); <see cref="Static"/> describes the series itself (store, brand, …).
/// </summary>
public sealed record PanelSeries(double[] Values, double[][] Covariates, double[] Static);

/// <summary>
/// Settings of the global model. Lags and rolling windows are counted back from the forecast origin, so a lag never
/// reaches into the periods being forecast (direct multi-horizon forecasting). With <see cref="ScaleByLevel"/> each
/// example is divided by its series' recent level, so fast and slow movers share one model.
/// </summary>
public sealed record GlobalModelOptions(
    int Lags = 14,
    int[]? Windows = null,
    int SeasonLength = 7,
    bool ScaleByLevel = true,
    int LevelWindow = 28,
    int OriginStep = 7,
    int MaxTrainingRows = 150_000,
    int Trees = 150,
    int Leaves = 31,
    double LearningRate = 0.08,
    int MinimumExamplesPerLeaf = 20,
    double FeatureFraction = 0.9,
    bool IncludeOriginCovariates = false,
    double HoldoutFraction = 0,
    int HoldoutRecentPeriods = 0,
    bool WeighForPercentageError = false,
    int Seed = 1,
    int Threads = 1)
{
    public int[] RollingWindows => Windows ?? [7, 28];

    /// <summary>Periods of history an origin needs before it can make a training example.</summary>
    public int Warmup => Math.Max(Math.Max(Lags, RollingWindows.DefaultIfEmpty(1).Max()), ScaleByLevel ? LevelWindow : 1);
}

/// <summary>
/// A global gradient-boosted model (LightGBM through ML.NET) trained across all series of a panel at once, on
/// lags, rolling means, the same period one season back, the horizon, and the covariates of the target period.
/// Learning across series lets a short or noisy series borrow the patterns of the others (price and promotion
/// response, weekday shape).
/// </summary>
public sealed class GlobalBoostedModel
{
    private readonly ITransformer _model;
    private readonly MLContext _ml;
    private readonly GlobalModelOptions _options;
    private readonly int _featureCount;

    private GlobalBoostedModel(MLContext ml, ITransformer model, GlobalModelOptions options, int featureCount, double? holdoutVariance)
    {
        HoldoutResidualVariance = holdoutVariance;
        _ml = ml;
        _model = model;
        _options = options;
        _featureCount = featureCount;
    }

    public const string Name = "GlobalGradientBoosted";

    /// <summary>
    /// Mean squared error (in label units) on the examples held out of training (<see cref="GlobalModelOptions.HoldoutFraction"/>);
    /// null without a holdout. For a log-scale target it is the variance σ² that turns a median into other point forecasts.
    /// </summary>
    public double? HoldoutResidualVariance { get; }

    /// <summary>
    /// The point forecast that minimises the expected absolute percentage error when the error is log-normal:
    /// exp(log median − σ²). The median exp(μ) over-forecasts under MAPE, which punishes over-forecasts of small actuals most.
    /// </summary>
    public static double MapeOptimalFromLog(double logMedian, double variance) => Math.Exp(logMedian - variance);

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

        if (candidates.Count < 50)
        {
            return null;
        }

        if (candidates.Count > options.MaxTrainingRows)
        {
            var random = new Random(options.Seed);
            var keep = (double)options.MaxTrainingRows / candidates.Count;
            candidates = candidates.Where(_ => random.NextDouble() < keep).ToList();
        }

        var featureCount = FeatureCount(panel[0], options);
        var rows = new Example[candidates.Count];
        Parallel.For(0, candidates.Count, i =>
        {
            var (s, origin, h) = candidates[i];
            var features = new float[featureCount];
            var scale = Features(panel[s], origin, h, options, features);
            rows[i] = new Example { Features = features, Label = (float)(panel[s].Values[origin + h] / scale) };
        });

        var ml = new MLContext(options.Seed);
        Example[] holdout = [];
        if (options.HoldoutFraction > 0 || options.HoldoutRecentPeriods > 0)
        {
            // Recent targets held out measure the error the way forecasts meet it: after the training data ends.
            var split = new Random(options.Seed + 1);
            var held = candidates.Select(c => c.Origin + c.Horizon >= panel[c.Series].Values.Length - options.HoldoutRecentPeriods
                || split.NextDouble() < options.HoldoutFraction).ToArray();
            holdout = rows.Where((_, i) => held[i]).ToArray();
            rows = rows.Where((_, i) => !held[i]).ToArray();
        }

        if (options.WeighForPercentageError)
        {
            // For a log-scale target: weight 1/units makes the squared-log fit aim at the point that minimises percentage
            // error (the log mean shifts by −σ² under a log-normal error, per example), as a MAPE objective would.
            var weights = rows.Select(r => Math.Exp(-r.Label)).ToArray();
            var mean = weights.Average();
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i].Weight = (float)(weights[i] / mean);
            }
        }

        var data = ml.Data.LoadFromEnumerable(rows, Schema(featureCount));
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinimumExamplesPerLeaf,
            Seed = options.Seed,
            Deterministic = true,
            // One thread unless asked: LightGBM's OpenMP threads spin and crawl when the cores are busy with other work.
            NumberOfThreads = options.Threads,
            Silent = true,
            Verbose = false,
            Booster = new GradientBooster.Options { FeatureFraction = options.FeatureFraction },
            ExampleWeightColumnName = nameof(Example.Weight),
        });
        var model = trainer.Fit(data);
        double? variance = null;
        if (holdout.Length > 0)
        {
            var scores = model.Transform(ml.Data.LoadFromEnumerable(holdout, Schema(featureCount))).GetColumn<float>("Score").ToArray();
            variance = holdout.Select((h, i) => Math.Pow(h.Label - scores[i], 2)).Average();
        }

        return new GlobalBoostedModel(ml, model, options, featureCount, variance);
    }

    /// <summary>For each series, the forecast of each horizon from the end of its history.</summary>
    public double[][] Predict(IReadOnlyList<PanelSeries> panel, IReadOnlyList<int> horizons)
    {
        var rows = new Example[panel.Count * horizons.Count];
        var scales = new double[rows.Length];
        Parallel.For(0, panel.Count, s =>
        {
            for (var j = 0; j < horizons.Count; j++)
            {
                var features = new float[_featureCount];
                var index = s * horizons.Count + j;
                scales[index] = Features(panel[s], panel[s].Values.Length - 1, horizons[j], _options, features);
                rows[index] = new Example { Features = features };
            }
        });

        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows, Schema(_featureCount)));
        var scores = scored.GetColumn<float>("Score").ToArray();
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

    private static int FeatureCount(PanelSeries series, GlobalModelOptions options) =>
        2 + series.Static.Length + series.Covariates[0].Length * (options.IncludeOriginCovariates ? 2 : 1) + options.Lags + options.RollingWindows.Length + 1;

    /// <summary>Fills the features of forecasting period origin + h from origin; returns the scale the label is divided by.</summary>
    private static double Features(PanelSeries series, int origin, int h, GlobalModelOptions options, float[] features)
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

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    private sealed class Example
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }

        public float Weight { get; set; } = 1;
    }
}

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Settings of the global model. Lags and rolling windows are counted back from the forecast origin, so a lag never
/// reaches into the periods being forecast (direct multi-horizon forecasting). With <see cref="ScaleByLevel"/> each
/// example is divided by its series' recent level, so fast and slow movers share one model. With
/// <see cref="CategoricalStatic"/> the series' static features (non-negative whole numbers such as store and brand ids)
/// are split as categories rather than as ordered numbers. The service derives them from the panel with <see cref="For"/>.
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
    int Threads = 1,
    BoostingObjective Objective = BoostingObjective.SquaredError,
    bool CategoricalStatic = false,
    double BaggingFraction = 1,
    int BaggingFrequency = 0,
    int MaxBins = 255
)
{
    public const int MostTrees = 120;
    public const int MostTrainingRows = 150_000; // keeps one training near 10 s on one core
    public const int MostLeaves = 124;
    public const int FewestLeaves = 8;
    public const int FewestTrees = 40;

    /// <summary>Rolling means over these many weeks (where they fit twice in the history).</summary>
    private static readonly int[] WindowWeeks = [1, 4, 8, 13, 26, 52];

    public int[] RollingWindows => Windows ?? [7, 28];

    /// <summary>Periods of history an origin needs before it can make a training example.</summary>
    public int Warmup => Math.Max(Math.Max(Lags, RollingWindows.DefaultIfEmpty(1).Max()), ScaleByLevel ? LevelWindow : 1);

    /// <summary>
    /// The options for a panel of <paramref name="series"/> series of (median) <paramref name="historyPeriods"/> periods,
    /// forecast as <paramref name="settings"/> ask. Features follow the period and the history: lags reach back a twelfth
    /// of the history (at least 4, at most two weeks or 8 periods), rolling means span 1, 4, 8, 13, 26 and 52 weeks where
    /// they fit twice in the history, the level is the mean of the last 4 weeks or 8 periods, one origin a week, the season
    /// the weekday for daily sales and the year for weekly; examples are divided by the level unless the objective is MAPE
    /// (which weighs each example by 1/actual already). The trees follow the number of training examples E (capped at
    /// 150,000): at least E/400 examples per leaf (5 to 400), √E/3 leaves (8 to 124), E/1000 trees (40 to the settings'
    /// most), learning rate 0.15; TSPerf's LightGBM feature and bagging fractions. The backtest's periods are held out.
    /// </summary>
    public static GlobalModelOptions For(int series, int historyPeriods, ForecastSettings settings)
    {
        var week = settings.PeriodsPerWeek;
        var lags = Math.Clamp(historyPeriods / 12, 4, Math.Max(2 * week, 8));
        var windows = WindowWeeks.Select(w => w * week).Where(w => w > 1 && 2 * w <= historyPeriods).ToArray();
        var level = Math.Max(4 * week, 8);
        var options = new GlobalModelOptions(
            Lags: lags,
            Windows: windows,
            SeasonLength: settings.SeasonLength,
            // Squared error lets the biggest series dominate unless examples are divided by their level; the MAPE objective
            // already weighs each example 1/actual, and dividing as well cost 4-7 points of MAPE on OrangeJuice's
            // validation rounds (docs/forecasting.md).
            ScaleByLevel: settings.Point == PointForecast.Mean,
            LevelWindow: level,
            OriginStep: week,
            IncludeOriginCovariates: true,
            HoldoutRecentPeriods: settings.BacktestPeriods(historyPeriods),
            Objective: settings.Point switch
            {
                PointForecast.PercentageError => BoostingObjective.PercentageError,
                PointForecast.Median => BoostingObjective.AbsoluteError,
                _ => BoostingObjective.SquaredError,
            },
            CategoricalStatic: true,
            LearningRate: 0.15,
            MaxBins: 63,
            FeatureFraction: 0.65,
            BaggingFraction: 0.87,
            BaggingFrequency: 1
        );
        var examples = (long)Examples(series, historyPeriods, settings, options);
        var rows = (int)Math.Min(examples, MostTrainingRows);
        return options with
        {
            MinimumExamplesPerLeaf = Math.Clamp(rows / 400, 5, 400),
            Leaves = Math.Clamp((int)Math.Sqrt(rows) / 3, FewestLeaves, MostLeaves),
            Trees = Math.Clamp(rows / 1000, FewestTrees, Math.Max(FewestTrees, settings.MaxTrees)),
        };
    }

    /// <summary>Training examples of a panel: per series, one origin a step from the warm-up on, times the horizons whose
    /// target falls before the held-out backtest periods.</summary>
    public static long Examples(int series, int historyPeriods, ForecastSettings settings, GlobalModelOptions options)
    {
        var trainedEnd = historyPeriods - settings.BacktestPeriods(historyPeriods); // targets at index < trainedEnd are trained on
        long perSeries = 0;
        foreach (var h in settings.ForecastHorizons)
        {
            // origins o = last, last − step, … ≥ warmup − 1 with o + h < trainedEnd
            var last = Math.Min(historyPeriods - 1 - settings.ForecastHorizons.Min(), trainedEnd - 1 - h);
            if (last >= options.Warmup - 1)
            {
                var first = historyPeriods - 1 - settings.ForecastHorizons.Min();
                // origins step back from `first`; count those in [warmup − 1, last]
                var skip = (first - last + options.OriginStep - 1) / options.OriginStep;
                var top = first - skip * options.OriginStep;
                perSeries += top >= options.Warmup - 1 ? (top - (options.Warmup - 1)) / options.OriginStep + 1 : 0;
            }
        }

        return perSeries * series;
    }
}

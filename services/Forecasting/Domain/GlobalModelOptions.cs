namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Settings of the global model. Lags and rolling windows are counted back from the forecast origin, so a lag never
/// reaches into the periods being forecast (direct multi-horizon forecasting). With <see cref="ScaleByLevel"/> each
/// example is divided by its series' recent level, so fast and slow movers share one model. With
/// <see cref="CategoricalStatic"/> the series' static features (non-negative whole numbers such as store and brand ids)
/// are split as categories rather than as ordered numbers.
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
    public int[] RollingWindows => Windows ?? [7, 28];

    /// <summary>Periods of history an origin needs before it can make a training example.</summary>
    public int Warmup => Math.Max(Math.Max(Lags, RollingWindows.DefaultIfEmpty(1).Max()), ScaleByLevel ? LevelWindow : 1);
}

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// What a forecast is asked for: the periods ahead (<see cref="Horizons"/>, 1 = the period after the history ends;
/// every period up to <see cref="HorizonDays"/> unless given), the length of a period (1 day or 7 days), how many
/// rolling origins the backtest scores, whether the global model competes, and what the point forecast aims at. Everything
/// else (tree size, leaf size, lags, windows, season length) follows the panel: see <see cref="GlobalModelOptions.For"/>.
/// </summary>
public sealed record ForecastSettings(
    int HorizonDays = 91,
    int BacktestFolds = 3,
    bool UseGlobalModel = true,
    int PeriodDays = 1,
    PointForecast Point = PointForecast.Median,
    int[]? Horizons = null,
    int MaxTrees = GlobalModelOptions.MostTrees
)
{
    /// <summary>The periods ahead that are forecast and scored, ascending.</summary>
    public int[] ForecastHorizons => Horizons ?? Enumerable.Range(1, HorizonDays).ToArray();

    /// <summary>Periods in a week: 7 for daily sales, 1 for weekly.</summary>
    public int PeriodsPerWeek => Math.Max(1, 7 / PeriodDays);

    /// <summary>The seasonal cycle in periods: the week for daily sales (weekday shape), the year (52) for weekly sales.</summary>
    public int SeasonLength => PeriodDays == 1 ? 7 : 364 / PeriodDays;

    /// <summary>Periods between two backtest origins: one week.</summary>
    public int BacktestStep => PeriodsPerWeek;

    /// <summary>The fewest periods a model is fitted on in a backtest.</summary>
    public const int MinimumTrainingPeriods = 14;

    /// <summary>
    /// How far ahead the latest backtest origin of a history of <paramref name="historyPeriods"/> periods looks: the longest
    /// forecast horizon when the history allows (every horizon is then scored from every origin), else as far as it allows.
    /// </summary>
    public int BacktestReach(int historyPeriods) =>
        Math.Clamp(historyPeriods - MinimumTrainingPeriods - (BacktestFolds - 1) * BacktestStep, 1, ForecastHorizons.Max());

    /// <summary>
    /// The last periods of a history whose actuals the backtest scores and the global model does not train on: the reach
    /// seen from the earliest backtest origin.
    /// </summary>
    public int BacktestPeriods(int historyPeriods) => BacktestReach(historyPeriods) + (BacktestFolds - 1) * BacktestStep;
}

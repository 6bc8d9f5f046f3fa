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
    int MaxTrees = GlobalModelOptions.MostTrees,
    int? Season = null
)
{
    /// <summary>Weeks of a year, the weekly season when the history holds it.</summary>
    public const int WeeksPerYear = 52;

    /// <summary>The short weekly cycle (about a month: pay days, monthly buying) when the history is too short for a year.</summary>
    public const int WeeksPerMonth = 4;

    /// <summary>
    /// The settings of a refresh in <paramref name="period"/>s, derived from the panel: daily, <paramref name="horizonDays"/>
    /// days ahead; weekly, the ISO weeks from <paramref name="today"/>'s (in progress) that cover those days, with the year
    /// (52 weeks) as season when the median history (<paramref name="medianHistoryPeriods"/> weeks) holds a year plus the
    /// fewest fitting periods, else 4 weeks, so seasonal naive and Holt-Winters compare with a cycle the data has seen.
    /// </summary>
    public static ForecastSettings For(
        ForecastPeriod period,
        DateOnly today,
        int horizonDays,
        int medianHistoryPeriods,
        bool useGlobalModel,
        int maxTrees
    ) =>
        period == ForecastPeriod.Weekly
            ? new ForecastSettings(
                WeeklyPeriods.HorizonWeeks(today, horizonDays),
                UseGlobalModel: useGlobalModel,
                PeriodDays: 7,
                MaxTrees: maxTrees,
                Season: medianHistoryPeriods >= WeeksPerYear + MinimumTrainingPeriods ? WeeksPerYear : WeeksPerMonth
            )
            : new ForecastSettings(horizonDays, UseGlobalModel: useGlobalModel, MaxTrees: maxTrees);

    /// <summary>The fewest backtest forecasts each candidate is scored on over a whole panel (see <see cref="ForPanel"/>).</summary>
    public const int PanelBacktestPoints = 100;

    /// <summary>The most backtest origins: a quarter of a year of weekly origins.</summary>
    public const int MostBacktestFolds = 13;

    /// <summary>
    /// The settings for a panel of <paramref name="series"/> series: <see cref="BacktestFolds"/> origins at least, more for a
    /// small panel, so every candidate is scored on <see cref="PanelBacktestPoints"/> forecasts over the panel (at most
    /// <see cref="MostBacktestFolds"/>). Three origins of 7 series forecast 2 weeks ahead give 42 forecasts, too few to
    /// tell the models apart: the panel then picked naive after a spike.
    /// </summary>
    public ForecastSettings ForPanel(int series)
    {
        var perFold = Math.Max(1, series * ForecastHorizons.Length);
        var wanted = (PanelBacktestPoints + perFold - 1) / perFold;
        return this with { BacktestFolds = Math.Max(BacktestFolds, Math.Min(MostBacktestFolds, wanted)) };
    }

    /// <summary>The periods ahead that are forecast and scored, ascending.</summary>
    public int[] ForecastHorizons => Horizons ?? Enumerable.Range(1, HorizonDays).ToArray();

    /// <summary>Periods in a week: 7 for daily sales, 1 for weekly.</summary>
    public int PeriodsPerWeek => Math.Max(1, 7 / PeriodDays);

    /// <summary>The seasonal cycle in periods: as set, else the week for daily sales (weekday shape), the year (52) for weekly.</summary>
    public int SeasonLength => Season ?? (PeriodDays == 1 ? 7 : 364 / PeriodDays);

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

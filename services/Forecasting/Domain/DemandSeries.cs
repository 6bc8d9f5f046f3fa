namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// One sales series to forecast: its history (oldest first, one value per period, ending with the last full period), and
/// covariates with one row per period of history plus the horizon (see <see cref="CalendarFeatures"/>).
/// <see cref="Promoted"/>, when known, marks the periods (history plus horizon) with a promotion: a forecast above what
/// history explains is allowed more room there (<see cref="ForecastGuard"/>).
/// </summary>
public sealed record DemandSeries(string Key, double[] Units, double[][] Covariates, double[] Static, bool[]? Promoted = null);

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>One daily sales series to forecast: its history (oldest first, ending yesterday), and covariates with one
/// row per day of history plus the horizon (see <see cref="CalendarFeatures"/>).</summary>
public sealed record DemandSeries(string Key, double[] Units, double[][] Covariates, double[] Static);

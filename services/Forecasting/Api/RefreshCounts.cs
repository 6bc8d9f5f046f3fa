namespace InventoryPlatform.Forecasting.Api;

/// <summary>
/// Forecast: series whose new forecast was stored. Skipped: FNSKUs with no sales in the history window (nothing to forecast;
/// an earlier forecast stays). Guarded: stored series whose forecast the guard capped (each says why on its forecast).
/// </summary>
public sealed record RefreshCounts(int Forecast, int Skipped, int Guarded);

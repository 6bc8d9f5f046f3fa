namespace InventoryPlatform.Forecasting.Api;

/// <summary>Series (FNSKU and region) stored so far of those the refresh forecasts (0 of the total while the models run).</summary>
public sealed record RefreshProgress(int SeriesDone, int SeriesTotal);

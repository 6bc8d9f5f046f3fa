namespace InventoryPlatform.Forecasting.Data;

/// <summary>Where a running refresh stands: its phase, series done of the total, the counts and errors so far (errors as JSON).</summary>
public sealed record RefreshTally(string Phase, int SeriesTotal, int SeriesDone, int Forecast, int Skipped, int Guarded, string Errors);

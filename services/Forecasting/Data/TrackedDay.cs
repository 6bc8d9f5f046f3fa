namespace InventoryPlatform.Forecasting.Data;

/// <summary>A day's actual units of an FNSKU and what was last forecast for it before it came (P10/P90 null when not tracked).</summary>
public sealed record TrackedDay(double Actual, double? P10, double P50, double? P90);

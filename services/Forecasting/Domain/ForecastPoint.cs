namespace InventoryPlatform.Forecasting.Domain;

/// <summary>One day of a forecast: the median and its 10 %-90 % interval.</summary>
public sealed record ForecastPoint(DateOnly Date, double P10, double P50, double P90);

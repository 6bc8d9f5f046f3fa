namespace InventoryPlatform.Forecasting.Data;

public sealed record ForecastDay(string Region, DateOnly Date, double P10, double P50, double P90);

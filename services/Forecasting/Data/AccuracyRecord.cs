namespace InventoryPlatform.Forecasting.Data;

public sealed record AccuracyRecord(string Fnsku, double? Mape, double? Wape, double? Bias, int Days, DateTime MeasuredAt);

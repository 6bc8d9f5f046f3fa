namespace InventoryPlatform.Forecasting.Api;

public sealed record HistoryDay(DateOnly Date, string Region, int Units);

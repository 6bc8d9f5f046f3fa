namespace InventoryPlatform.Forecasting.Application;

public sealed record RefreshSummary(string SellerId, int Fnskus, int Series, DateOnly From, int HorizonDays, DateTime RefreshedAt);

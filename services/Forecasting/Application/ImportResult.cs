namespace InventoryPlatform.Forecasting.Application;

public sealed record ImportResult(int Rows, int Fnskus, DateOnly? From, DateOnly? To);

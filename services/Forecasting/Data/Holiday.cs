namespace InventoryPlatform.Forecasting.Data;

public sealed record Holiday(string Marketplace, DateOnly Date, string Name);

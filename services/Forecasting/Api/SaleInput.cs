namespace InventoryPlatform.Forecasting.Api;

public sealed record SaleInput(DateOnly? Date, string? Fnsku, string? Region, int? Units);

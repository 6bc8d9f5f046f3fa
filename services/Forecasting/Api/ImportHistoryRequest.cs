namespace InventoryPlatform.Forecasting.Api;

public sealed record ImportHistoryRequest(string? Marketplace, IReadOnlyList<SaleInput>? Sales);

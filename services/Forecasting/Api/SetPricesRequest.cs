namespace InventoryPlatform.Forecasting.Api;

public sealed record SetPricesRequest(IReadOnlyList<PriceInput>? Prices);

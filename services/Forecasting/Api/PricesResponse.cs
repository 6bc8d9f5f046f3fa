namespace InventoryPlatform.Forecasting.Api;

public sealed record PricesResponse(string Fnsku, IReadOnlyList<PriceResponse> Prices);

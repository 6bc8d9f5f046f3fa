using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Application;

public sealed record SellerFigures(
    IReadOnlyDictionary<string, ItemRecord> Items,
    IReadOnlyDictionary<string, SalesSummary> Sales,
    IReadOnlyDictionary<string, ForecastInput> Forecasts
);

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Api;

public sealed record AgedInventoryRow(
    string Fnsku,
    string FulfillmentCenter,
    StockKind StockKind,
    AgeBracketUnits Units,
    int Total,
    int? OldestAgeDays,
    Money? MonthlyHoldingCost
);

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Api;

public sealed record OptionResponse(
    RecommendedAction Action,
    int UnitsActedOn,
    Money ExpectedValue,
    decimal UnitsSold,
    Money SalesRevenue,
    Money HoldingCost,
    Money Recovery,
    Money Fees,
    Money? UnitPrice,
    decimal? MarkdownPercent,
    string Detail
);

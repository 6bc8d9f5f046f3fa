namespace InventoryPlatform.Liquidation.Domain;

/// <summary>
/// One option valued over the decision horizon for the whole stock of the FNSKU: net sales revenue, minus holding cost,
/// plus what the units acted on recover, minus the fees for acting. The option with the highest value wins.
/// </summary>
public sealed record OptionValue(
    RecommendedAction Action,
    int UnitsActedOn,
    decimal ExpectedValue,
    decimal UnitsSold,
    decimal SalesRevenue,
    decimal HoldingCost,
    decimal Recovery,
    decimal Fees,
    decimal? UnitPrice,
    decimal? MarkdownPercent,
    string Detail
);

namespace InventoryPlatform.Limits.Domain;

/// <summary>One day of the KPI time series. Rolling KPIs look back from that day (sell-through 90 days, turnover 30 days).</summary>
public sealed record KpiPoint(
    DateOnly Day,
    int UnitsOnHand,
    int UnitsShipped,
    double InventoryTurnover30Days,
    double SellThroughRate90Days,
    double InStockRate,
    double OrderDefectRate,
    double? FulfillmentP50Hours,
    double? FulfillmentP90Hours,
    int ExcessUnits,
    double ExcessShare,
    int StrandedUnits,
    double StrandedShare
);

namespace InventoryPlatform.Limits.Domain;

/// <summary>The KPIs over a window [From, To] and their daily series.</summary>
public sealed record KpiReport(
    DateOnly From,
    DateOnly To,
    int UnitsShipped,
    double AverageUnitsOnHand,
    double InventoryTurnover,
    double SellThroughRate90Days,
    double InStockRate,
    OrderDefects OrderDefects,
    FulfillmentSpeed FulfillmentSpeed,
    int UnitsOnHand,
    int ExcessUnits,
    double ExcessShare,
    int StrandedUnits,
    double StrandedShare,
    int InboundShipmentsClosed,
    int InboundUnitsExpected,
    int InboundUnitsReceived,
    IReadOnlyList<KpiPoint> Series
);

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Api;

public sealed record ExcessRow(
    string Fnsku,
    bool ItemRegistered,
    int SellableUnits,
    int UnfulfillableUnits,
    double DailyDemand,
    DemandSource DemandSource,
    double RecentDailySales,
    bool DemandRising,
    int CoverDays,
    int CoveredUnits,
    int ExcessUnits,
    bool DeadStock,
    int? DaysSinceLastSale,
    int? OldestAgeDays,
    AgeBracketUnits SellableAges,
    Money? MonthlyHoldingCost
);

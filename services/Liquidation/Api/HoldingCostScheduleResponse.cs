namespace InventoryPlatform.Liquidation.Api;

public sealed record HoldingCostScheduleResponse(
    IReadOnlyList<StorageFeeRow> StorageFees,
    int PeakStartMonth,
    int PeakEndMonth,
    IReadOnlyList<SurchargeRow> AgedSurcharges,
    int DecisionHorizonDays,
    int CoverDays,
    int DeadStockDays
);

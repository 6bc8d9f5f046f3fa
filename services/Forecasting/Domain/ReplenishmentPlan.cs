namespace InventoryPlatform.Forecasting.Domain;

/// <summary>The restock decision for one FNSKU on one day.</summary>
public sealed record ReplenishmentPlan(
    double LeadTimeDemand,
    int SafetyStock,
    int ReorderPoint,
    int OrderUpToLevel,
    int InventoryPosition,
    int RecommendedUnits,
    double? DaysOfSupply,
    Urgency Urgency,
    DateOnly ShipBy
)
{
    public bool AtOrBelowReorderPoint => InventoryPosition <= ReorderPoint && ReorderPoint > 0;
}

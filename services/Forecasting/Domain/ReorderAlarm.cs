namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// The restock alert fires once per crossing: armed while the inventory position is above the reorder point,
/// it fires (and disarms) when the position falls to or below it, and re-arms only once stock has recovered above it.
/// </summary>
public static class ReorderAlarm
{
    public static (bool Raise, bool ArmedAfter) Evaluate(bool armed, ReplenishmentPlan plan) =>
        plan.AtOrBelowReorderPoint ? (armed, false) : (false, true);

    /// <summary>
    /// The raised alert clears when it re-arms: it was fired (disarmed) and the position is back above the reorder point. An
    /// FNSKU starts armed, so nothing clears that was never raised, and each raise clears at most once.
    /// </summary>
    public static bool Clears(bool armed, ReplenishmentPlan plan) => !armed && !plan.AtOrBelowReorderPoint;
}

namespace InventoryPlatform.Liquidation.Domain;

/// <summary>
/// Units beyond forecast demand over the cover horizon, and whether the FNSKU is dead stock (no sale in
/// <see cref="ExcessRules.DeadStockDays"/> days; never sold counts from the oldest receipt).
/// </summary>
public sealed record ExcessAnalysis(
    int SellableUnits,
    DemandEstimate Demand,
    int CoverDays,
    int CoveredUnits,
    int ExcessUnits,
    bool IsDeadStock,
    int? DaysSinceLastSale
)
{
    public static ExcessAnalysis Of(
        int sellableUnits,
        DemandEstimate demand,
        ExcessRules rules,
        DateTimeOffset? lastSaleAt,
        DateTimeOffset? oldestReceiptAt,
        DateTimeOffset now
    )
    {
        var covered = (int)Math.Ceiling(demand.DailyUnits * rules.CoverDays);
        var excess = Math.Max(0, sellableUnits - covered);
        int? sinceSale = lastSaleAt is { } sale ? AgeBrackets.AgeInDays(sale, now) : null;
        var quietSince = lastSaleAt ?? oldestReceiptAt;
        var dead = sellableUnits > 0 && quietSince is { } since && AgeBrackets.AgeInDays(since, now) >= rules.DeadStockDays;
        return new ExcessAnalysis(sellableUnits, demand, rules.CoverDays, covered, excess, dead, sinceSale);
    }
}

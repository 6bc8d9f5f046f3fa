namespace InventoryPlatform.Liquidation.Domain;

public enum DemandSource
{
    /// <summary>The latest DemandForecastUpdated: its P50 total spread over its horizon.</summary>
    Forecast,

    /// <summary>No forecast: units shipped in the sales look-back window, per day.</summary>
    RecentSales,

    /// <summary>Neither a forecast nor any sale in the window.</summary>
    None,
}

/// <summary>The latest forecast known for an FNSKU.</summary>
public sealed record ForecastInput(double TotalUnitsP50, int HorizonDays);

/// <summary>
/// Daily demand of one FNSKU, and what it was taken from. <see cref="IsRising"/>: the forecast expects clearly more
/// than the item has been selling, as before its season; excess is then measured against the season's demand.
/// </summary>
public sealed record DemandEstimate(decimal DailyUnits, DemandSource Source, decimal RecentDailySales)
{
    /// <summary>Forecast demand at least this many times recent sales counts as rising (seasonal) demand.</summary>
    public const decimal RisingFactor = 1.5m;

    public bool IsRising => Source == DemandSource.Forecast && RecentDailySales > 0 && DailyUnits >= RecentDailySales * RisingFactor;

    public static DemandEstimate From(ForecastInput? forecast, int unitsSoldInLookback, int lookbackDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lookbackDays);
        var recent = Math.Round((decimal)unitsSoldInLookback / lookbackDays, 4);
        if (forecast is { HorizonDays: > 0 } f && f.TotalUnitsP50 >= 0)
        {
            return new DemandEstimate(Math.Round((decimal)f.TotalUnitsP50 / f.HorizonDays, 4), DemandSource.Forecast, recent);
        }

        return recent > 0 ? new DemandEstimate(recent, DemandSource.RecentSales, recent) : new DemandEstimate(0, DemandSource.None, 0);
    }
}

/// <summary>How many days of supply are not excess, and after how many days without a sale stock is dead.</summary>
public sealed record ExcessRules(int CoverDays, int DeadStockDays)
{
    public static ExcessRules Default { get; } = new(90, 180);
}

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

namespace InventoryPlatform.Liquidation.Domain;

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

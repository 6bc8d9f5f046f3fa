namespace InventoryPlatform.Allocation.Domain;

/// <summary>When an FNSKU's available stock has fallen under a number of days of forecast demand.</summary>
public static class LowStock
{
    /// <summary>Days the available units last at the daily demand (one decimal); null when there is no demand to run out against.</summary>
    public static double? DaysOfCover(int available, double dailyDemand) =>
        dailyDemand > 0 ? Math.Round(Math.Max(0, available) / dailyDemand, 1) : null;

    /// <summary>
    /// True when this change took the cover from at or above the threshold to below it: the alert is raised once
    /// when stock runs low, not again for every order after.
    /// </summary>
    public static bool Crossed(int availableBefore, int availableAfter, double dailyDemand, double thresholdDays) =>
        dailyDemand > 0 && availableBefore / dailyDemand >= thresholdDays && availableAfter / dailyDemand < thresholdDays;
}

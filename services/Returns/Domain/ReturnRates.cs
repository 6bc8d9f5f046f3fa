namespace InventoryPlatform.Returns.Domain;

/// <summary>Returned ÷ shipped units over a window.</summary>
public static class ReturnRates
{
    /// <summary>The return rate, or null when nothing shipped in the window (a rate of nothing is undefined, not zero).</summary>
    public static double? Of(int returnedUnits, int shippedUnits) =>
        shippedUnits <= 0 ? null : Math.Round((double)returnedUnits / shippedUnits, 6);
}

/// <summary>
/// When an FNSKU's return rate counts as high: above <see cref="Threshold"/> over the last <see cref="WindowDays"/> days, once at
/// least <see cref="MinimumShippedUnits"/> shipped in that window (two returns of three sales is noise, not a signal).
/// </summary>
public sealed record HighReturnRatePolicy(double Threshold, int MinimumShippedUnits, int WindowDays)
{
    public static HighReturnRatePolicy Default { get; } = new(0.15, 20, 30);
}

/// <summary>The alarm's state after new figures, and whether this change is a crossing that must be announced.</summary>
public sealed record ReturnRateReading(double? Rate, bool Above, bool Crossed);

public static class HighReturnRateAlarm
{
    /// <summary>
    /// Announces a crossing once: only when the rate goes from not-high to high. It re-arms when the rate falls back to the
    /// threshold or below (more sales, or returns ageing out of the window), so the next rise is announced again.
    /// </summary>
    public static ReturnRateReading Evaluate(bool wasAbove, int returnedUnits, int shippedUnits, HighReturnRatePolicy policy)
    {
        var rate = ReturnRates.Of(returnedUnits, shippedUnits);
        var above = rate is { } r && shippedUnits >= policy.MinimumShippedUnits && r > policy.Threshold;
        return new ReturnRateReading(rate, above, above && !wasAbove);
    }
}

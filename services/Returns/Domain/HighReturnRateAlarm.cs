namespace InventoryPlatform.Returns.Domain;

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

namespace InventoryPlatform.Returns.Domain;

/// <summary>Returned ÷ shipped units over a window.</summary>
public static class ReturnRates
{
    /// <summary>The return rate, or null when nothing shipped in the window (a rate of nothing is undefined, not zero).</summary>
    public static double? Of(int returnedUnits, int shippedUnits) =>
        shippedUnits <= 0 ? null : Math.Round((double)returnedUnits / shippedUnits, 6);
}

namespace InventoryPlatform.Limits.Domain;

/// <summary>
/// The capacity limit of one storage type, in cubic feet:
/// a new seller gets the starter limit; otherwise
/// limit = clamp(basis × (0.5 + 1.5 × score / 1000) × network factor, floor, ceiling), where
/// basis = the larger of the last 90 days' shipped volume and last year's same 90-day season (a quarter of cover for what sells),
/// and network factor = 1 while at least <see cref="TightFreeShare"/> of the network is free, scaling down in proportion below it.
/// </summary>
public static class LimitDerivation
{
    /// <summary>Below this free share of the network's capacity every derived limit shrinks, so the last space is shared out.</summary>
    public const double TightFreeShare = 0.20;

    public static decimal Multiplier(int score) => 0.5m + 1.5m * Math.Clamp(score, 0, 1000) / 1000m;

    public static decimal NetworkFactor(double freeShare) =>
        freeShare >= TightFreeShare ? 1m : (decimal)(Math.Max(0, freeShare) / TightFreeShare);

    public static decimal Derive(LimitInputs inputs, StorageTypeBounds bounds)
    {
        if (inputs.IsNewSeller)
        {
            return bounds.StarterCubicFeet;
        }

        var basis = Math.Max(inputs.RecentShippedCubicFeet, inputs.LastYearSeasonShippedCubicFeet);
        var raw = basis * Multiplier(inputs.Score) * NetworkFactor(inputs.NetworkFreeShare);
        return Math.Clamp(Math.Round(raw, 2, MidpointRounding.AwayFromZero), bounds.FloorCubicFeet, bounds.CeilingCubicFeet);
    }
}

using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Domain;

/// <summary>The bounds of one storage type's limit: what a new seller starts with, and the floor and ceiling of a derived limit.</summary>
public sealed record StorageTypeBounds(decimal StarterCubicFeet, decimal FloorCubicFeet, decimal CeilingCubicFeet);

/// <summary>What a seller's limit for one storage type is derived from.</summary>
/// <param name="RecentShippedCubicFeet">Volume shipped in the last 90 days.</param>
/// <param name="LastYearSeasonShippedCubicFeet">Volume shipped in the coming 90 days of last year (the same season).</param>
/// <param name="NetworkFreeShare">Free share of the network's capacity for the storage type (1 = empty, 0 = full).</param>
public sealed record LimitInputs(
    StorageType StorageType,
    int Score,
    bool IsNewSeller,
    decimal RecentShippedCubicFeet,
    decimal LastYearSeasonShippedCubicFeet,
    double NetworkFreeShare
);

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

/// <summary>Storage used beyond the limit (after a limit dropped under what is stored) and the fee it costs per day.</summary>
public sealed record Overage(
    StorageType StorageType,
    decimal LimitCubicFeet,
    decimal UsedCubicFeet,
    decimal OverageCubicFeet,
    decimal DailyFee
);

public static class Overages
{
    /// <summary>
    /// Null when usage fits the limit; otherwise the excess volume and its fee for one day:
    /// overage ft³ × monthly fee per ft³ ÷ 30, rounded to cents.
    /// </summary>
    public static Overage? Check(StorageType type, decimal limit, decimal used, decimal monthlyFeePerCubicFoot)
    {
        if (used <= limit)
        {
            return null;
        }

        var over = Math.Round(used - limit, 4, MidpointRounding.AwayFromZero);
        return new Overage(
            type,
            limit,
            Math.Round(used, 4),
            over,
            Math.Round(over * monthlyFeePerCubicFoot / 30m, 2, MidpointRounding.AwayFromZero)
        );
    }
}

using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Domain;

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

    /// <summary>
    /// The seller goes over its limits (and partners are told) only on the recompute that finds an overage after one that found
    /// none; staying over, or coming back under, announces nothing.
    /// </summary>
    public static bool GoesOver(bool wasOverLimit, IReadOnlyCollection<Overage> overages) => !wasOverLimit && overages.Count > 0;
}

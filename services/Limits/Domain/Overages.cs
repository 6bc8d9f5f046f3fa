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
}

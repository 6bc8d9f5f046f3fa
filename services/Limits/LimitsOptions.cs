using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits;

/// <summary>
/// Limits' settings (section <c>Limits</c>). The starter limits are generous on purpose: a new seller is never stopped from
/// sending its first inventory; from <see cref="NewSellerDays"/> on, limits follow the seller's score and sales.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Limit per storage type of a seller younger than <see cref="NewSellerDays"/>, in cubic feet.</summary>
    public Dictionary<StorageType, decimal> StarterCubicFeet { get; set; } =
        new()
        {
            [StorageType.Standard] = 2_000_000m,
            [StorageType.Oversize] = 500_000m,
            [StorageType.Apparel] = 500_000m,
            [StorageType.Footwear] = 500_000m,
            [StorageType.Hazmat] = 100_000m,
        };

    /// <summary>The least a derived limit can be, per storage type.</summary>
    public Dictionary<StorageType, decimal> FloorCubicFeet { get; set; } =
        new()
        {
            [StorageType.Standard] = 100m,
            [StorageType.Oversize] = 50m,
            [StorageType.Apparel] = 50m,
            [StorageType.Footwear] = 50m,
            [StorageType.Hazmat] = 10m,
        };

    /// <summary>The most a derived limit can be, per storage type.</summary>
    public Dictionary<StorageType, decimal> CeilingCubicFeet { get; set; } =
        new()
        {
            [StorageType.Standard] = 5_000_000m,
            [StorageType.Oversize] = 1_000_000m,
            [StorageType.Apparel] = 1_000_000m,
            [StorageType.Footwear] = 1_000_000m,
            [StorageType.Hazmat] = 200_000m,
        };

    /// <summary>How long after Limits first sees a seller it keeps the starter limits.</summary>
    public int NewSellerDays { get; set; } = 90;

    /// <summary>How often every seller's score and limits are recomputed.</summary>
    public TimeSpan RecomputeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a replica checks whether the recompute is due (the schedule row decides which replica runs it).</summary>
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An order shipped later than this many hours after it was placed counts as a defect.</summary>
    public double LateShipmentHours { get; set; } = 48;

    /// <summary>Stock beyond the demand expected over this many days is excess.</summary>
    public int ExcessCoverDays { get; set; } = 90;

    /// <summary>Overage fee per cubic foot above the limit per month, charged per day (÷ 30).</summary>
    public decimal OverageFeePerCubicFootPerMonth { get; set; } = 10m;

    public string OverageCurrency { get; set; } = "USD";

    public StorageTypeBounds BoundsFor(StorageType type) =>
        new(StarterCubicFeet.GetValueOrDefault(type), FloorCubicFeet.GetValueOrDefault(type), CeilingCubicFeet.GetValueOrDefault(type));
}

using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Domain;

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

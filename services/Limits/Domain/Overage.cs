using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Domain;

/// <summary>Storage used beyond the limit (after a limit dropped under what is stored) and the fee it costs per day.</summary>
public sealed record Overage(
    StorageType StorageType,
    decimal LimitCubicFeet,
    decimal UsedCubicFeet,
    decimal OverageCubicFeet,
    decimal DailyFee
);

namespace InventoryPlatform.Contracts.V1;

/// <summary>Volume stored beyond the limit of one storage type, and the fee it costs per day.</summary>
public sealed record StorageOverage(
    StorageType StorageType,
    decimal LimitCubicFeet,
    decimal UsedCubicFeet,
    decimal OverageCubicFeet,
    Money DailyFee
);

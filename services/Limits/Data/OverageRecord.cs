using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Data;

public sealed record OverageRecord(
    StorageType StorageType,
    DateOnly Day,
    decimal LimitCubicFeet,
    decimal UsedCubicFeet,
    decimal OverageCubicFeet,
    decimal FeeAmount,
    string Currency,
    DateTime RecordedAt
);

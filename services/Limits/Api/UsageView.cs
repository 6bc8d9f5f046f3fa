using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Api;

public sealed record UsageView(
    StorageType StorageType,
    decimal LimitCubicFeet,
    decimal StoredCubicFeet,
    decimal InboundCubicFeet,
    decimal UsedCubicFeet,
    decimal AvailableCubicFeet,
    double Utilization,
    decimal OverageCubicFeet
);

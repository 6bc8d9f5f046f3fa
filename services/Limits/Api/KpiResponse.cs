using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Api;

public sealed record KpiResponse(
    string? SellerId,
    KpiReport Kpis,
    IReadOnlyList<LimitUtilization> StorageUtilization,
    IReadOnlyList<FcUtilization> FulfillmentCenters
);

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Application;

public sealed record RecomputeResult(
    string SellerId,
    PerformanceScore Score,
    bool IsNewSeller,
    IReadOnlyList<StorageLimit> Limits,
    bool LimitsChanged,
    IReadOnlyList<Overage> Overages,
    DateTime ComputedAt
);

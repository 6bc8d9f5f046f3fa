using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Api;

public sealed record RecomputeResponse(
    string SellerId,
    int PerformanceScore,
    IReadOnlyList<ScoreComponent> Components,
    bool IsNewSeller,
    IReadOnlyList<StorageLimit> Limits,
    bool LimitsChanged,
    IReadOnlyList<Overage> Overages,
    DateTime ComputedAt
);

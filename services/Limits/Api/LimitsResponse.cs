using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Api;

public sealed record LimitsResponse(
    string SellerId,
    int? PerformanceScore,
    DateTime? ScoreComputedAt,
    bool OverLimit,
    IReadOnlyList<LimitView> Limits
);

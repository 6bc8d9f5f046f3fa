using InventoryPlatform.Limits.Data;
using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Api;

public sealed record ScoreResponse(
    string SellerId,
    int Score,
    IReadOnlyList<ScoreComponent> Components,
    int? LimitsScore,
    DateTime? LimitsScoreComputedAt,
    IReadOnlyList<ScoreSnapshot> History
);

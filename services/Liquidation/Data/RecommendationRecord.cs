using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Data;

public sealed record RecommendationRecord(
    Guid Id,
    string SellerId,
    RecommendationStatus Status,
    Recommendation Recommendation,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? DecidedAt,
    string? DecidedBy,
    string? DecisionNote,
    Guid? OrderId
);

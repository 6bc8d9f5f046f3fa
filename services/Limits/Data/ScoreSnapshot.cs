using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Data;

public sealed record ScoreSnapshot(
    DateOnly Day,
    int PerformanceScore,
    double ExcessShare,
    double SellThroughRate,
    double StrandedShare,
    double InStockRate,
    DateTime ComputedAt
);

using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Data;

public sealed record SellerAccount(string SellerId, int? PerformanceScore, DateTime? ScoreComputedAt, bool OverLimit, DateTime CreatedAt);

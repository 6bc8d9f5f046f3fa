namespace InventoryPlatform.Limits.Domain;

public sealed record PerformanceScore(int Score, IReadOnlyList<ScoreComponent> Components);

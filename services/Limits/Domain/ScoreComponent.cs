namespace InventoryPlatform.Limits.Domain;

/// <summary>One part of the score: the measured value, the points it earns (0–1), its weight and what it adds to the score.</summary>
public sealed record ScoreComponent(string Name, double Value, double Points, double Weight, double Contribution);

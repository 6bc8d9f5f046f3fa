namespace InventoryPlatform.Returns.Domain;

/// <summary>The alarm's state after new figures, and whether this change is a crossing that must be announced.</summary>
public sealed record ReturnRateReading(double? Rate, bool Above, bool Crossed);

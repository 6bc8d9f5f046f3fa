namespace InventoryPlatform.Limits.Domain;

/// <summary>The bounds of one storage type's limit: what a new seller starts with, and the floor and ceiling of a derived limit.</summary>
public sealed record StorageTypeBounds(decimal StarterCubicFeet, decimal FloorCubicFeet, decimal CeilingCubicFeet);

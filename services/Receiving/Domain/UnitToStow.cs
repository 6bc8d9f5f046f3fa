namespace InventoryPlatform.Receiving.Domain;

/// <summary>A received unit waiting for a bin.</summary>
public sealed record UnitToStow(string UnitId, string Fnsku, decimal CubicFeet);

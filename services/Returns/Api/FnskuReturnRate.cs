namespace InventoryPlatform.Returns.Api;

/// <summary>Returned ÷ shipped units of one FNSKU in the window; <c>returnRate</c> is absent when nothing shipped in it.</summary>
public sealed record FnskuReturnRate(string Fnsku, int ShippedUnits, int ReturnedUnits, double? ReturnRate, bool AboveThreshold);

namespace InventoryPlatform.Allocation.Domain;

/// <summary>Daily units of an FNSKU wanted in a region (from a forecast, or from recent shipments where there is none).</summary>
public sealed record RegionalDemandRate(string Region, double DailyUnits);

namespace InventoryPlatform.Limits.Api;

public sealed record CapacityRequest(decimal? CapacityCubicFeet);

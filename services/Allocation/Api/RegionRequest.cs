namespace InventoryPlatform.Allocation.Api;

public sealed record RegionRequest(string? Marketplace);

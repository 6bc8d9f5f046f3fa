namespace InventoryPlatform.Allocation.Api;

public sealed record TransitTimeRequest(int? TransitHours);

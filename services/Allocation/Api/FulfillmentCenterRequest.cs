using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

public sealed record FulfillmentCenterRequest(string? Marketplace, string? Region, int? StorageCapacityUnits);

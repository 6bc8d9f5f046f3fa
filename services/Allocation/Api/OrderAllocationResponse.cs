using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

public sealed record OrderAllocationResponse(string FulfillmentCenter, int Quantity, DateTime? ShippedAt);

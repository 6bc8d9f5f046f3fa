using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

public sealed record ShipOrderRequest(string? FulfillmentCenter);

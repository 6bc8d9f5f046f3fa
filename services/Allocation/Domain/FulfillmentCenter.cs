namespace InventoryPlatform.Allocation.Domain;

public sealed record FulfillmentCenter(string Code, string Marketplace, string Region, int StorageCapacityUnits);

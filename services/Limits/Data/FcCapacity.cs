using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Data;

public sealed record FcCapacity(string FulfillmentCenter, StorageType StorageType, decimal CapacityCubicFeet, DateTime UpdatedAt);

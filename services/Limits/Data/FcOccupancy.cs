using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Data;

/// <summary>Occupied volume at one FC for one storage type: stock of every seller plus what is reserved inbound there.</summary>
public sealed record FcOccupancy(string FulfillmentCenter, StorageType StorageType, decimal StoredCubicFeet, decimal InboundCubicFeet);

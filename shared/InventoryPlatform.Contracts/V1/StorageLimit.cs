namespace InventoryPlatform.Contracts.V1;

public sealed record StorageLimit(StorageType StorageType, decimal LimitCubicFeet);

namespace InventoryPlatform.Contracts.V1;

public sealed record StorageVolume(StorageType StorageType, decimal CubicFeet);

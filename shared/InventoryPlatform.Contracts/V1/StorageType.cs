namespace InventoryPlatform.Contracts.V1;

public enum StorageType
{
    Standard,
    Oversize,
    Apparel,
    Footwear,
    Hazmat,
}

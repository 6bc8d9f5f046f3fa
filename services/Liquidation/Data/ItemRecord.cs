using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Liquidation.Data;

public sealed record ItemRecord(string Fnsku, StorageType StorageType, Dimensions Dimensions, decimal ListPrice, string Currency);

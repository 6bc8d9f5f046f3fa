using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Data;

public sealed record StoredLimit(StorageType StorageType, decimal LimitCubicFeet, DateTime UpdatedAt);

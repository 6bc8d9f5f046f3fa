using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Api;

public sealed record LimitView(StorageType StorageType, decimal LimitCubicFeet, DateTime UpdatedAt);

using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Api;

/// <summary>Storage utilization of a seller's limit for one storage type: used (stored + inbound) ÷ limit.</summary>
public sealed record LimitUtilization(StorageType StorageType, decimal LimitCubicFeet, decimal UsedCubicFeet, double Utilization);

using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Api;

public sealed record RebalancingPolicyResponse(string SellerId, RebalancingMode Mode);

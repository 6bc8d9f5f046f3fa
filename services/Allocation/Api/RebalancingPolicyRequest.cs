namespace InventoryPlatform.Allocation.Api;

/// <summary>"advise" (proposals only) or "automatic" (the rebalancer creates the transfers itself).</summary>
public sealed record RebalancingPolicyRequest(string? Mode);

namespace InventoryPlatform.Allocation.Domain;

/// <summary>A seller's rebalancing policy: proposals only (the seller creates the transfers), or transfers the rebalancer
/// creates itself on its schedule.</summary>
public enum RebalancingMode
{
    Advise,
    Automatic,
}

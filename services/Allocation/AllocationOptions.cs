namespace InventoryPlatform.Allocation;

/// <summary>Allocation's settings.</summary>
public sealed class AllocationOptions
{
    public const string Section = "Allocation";

    /// <summary>LowStockDetected is published when available stock falls under this many days of forecast demand.</summary>
    public double LowStockDaysOfCover { get; set; } = 14;

    /// <summary>How often the rebalancer creates the transfers of sellers whose rebalancing policy is automatic.</summary>
    public TimeSpan RebalancingInterval { get; set; } = TimeSpan.FromHours(1);
}

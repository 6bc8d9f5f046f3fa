namespace InventoryPlatform.Allocation;

/// <summary>Allocation's settings.</summary>
public sealed class AllocationOptions
{
    public const string Section = "Allocation";

    /// <summary>LowStockDetected is published when available stock falls under this many days of forecast demand.</summary>
    public double LowStockDaysOfCover { get; set; } = 14;

    /// <summary>How often the rebalancer creates the transfers of sellers whose rebalancing policy is automatic.</summary>
    public TimeSpan RebalancingInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The services whose unit counts reconciliation compares with the ledger (each serves /admin/unit-counts).</summary>
    public IReadOnlyList<string> ReconciledServices { get; set; } = ["liquidation", "limits", "forecasting"];

    /// <summary>
    /// The gateway API key (admin scope) reconciliation reads the services' unit counts with, through the gateway: Allocation
    /// holds no identity signing key. A secret in deployments; without it reconciliation reports every service as unread.
    /// </summary>
    public string? ReconciliationApiKey { get; set; }

    /// <summary>Where reconciliation reaches the gateway (a service discovery name, or an address).</summary>
    public string ReconciliationGateway { get; set; } = "http://gateway";

    /// <summary>How often the reconciliation job compares every seller's counts with the ledger; zero turns it off.</summary>
    public TimeSpan ReconciliationInterval { get; set; } = TimeSpan.FromHours(1);
}

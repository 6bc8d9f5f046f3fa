namespace InventoryPlatform.Liquidation;

/// <summary>The scheduled recommendation refresh (section <c>Liquidation:Refresh</c>).</summary>
public sealed class RefreshOptions
{
    public const string Section = "Liquidation:Refresh";

    /// <summary>False: this replica never runs the refresh.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often ages, excess and recommendations are recomputed for every seller.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);
}

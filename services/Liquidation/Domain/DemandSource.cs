namespace InventoryPlatform.Liquidation.Domain;

public enum DemandSource
{
    /// <summary>The latest DemandForecastUpdated: its P50 total spread over its horizon.</summary>
    Forecast,

    /// <summary>No forecast: units shipped in the sales look-back window, per day.</summary>
    RecentSales,

    /// <summary>Neither a forecast nor any sale in the window.</summary>
    None,
}

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>The period a seller's sales are forecast in, per marketplace: days (the default) or ISO weeks (Monday to Sunday).</summary>
public enum ForecastPeriod
{
    Daily,
    Weekly,
}

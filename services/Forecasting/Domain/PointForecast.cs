namespace InventoryPlatform.Forecasting.Domain;

/// <summary>What the point forecast (P50) aims at, and so how backtests rank the candidates.</summary>
public enum PointForecast
{
    /// <summary>The expected demand: squared error ranks the candidates, the global model fits squared error. It never
    /// rewards forecasting zero for a slow mover, but one spike in a short backtest dominates its ranking.</summary>
    Mean,

    /// <summary>The point with the lowest absolute percentage error (below the median): MAPE ranks the candidates, the global
    /// model fits LightGBM's MAPE objective and is rescaled by its backtest's MAPE-optimal factor. What a MAPE scorecard
    /// (TSPerf's OrangeJuice) measures.</summary>
    PercentageError,

    /// <summary>The median demand, the default: absolute error (MAE, so WAPE) ranks the candidates, the global model fits
    /// absolute error; a series selling in under half its periods (median zero) is ranked by squared error.</summary>
    Median,
}

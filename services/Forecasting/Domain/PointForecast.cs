namespace InventoryPlatform.Forecasting.Domain;

/// <summary>What the point forecast (P50) aims at, and so how backtests rank the candidates.</summary>
public enum PointForecast
{
    /// <summary>The expected demand: squared error ranks the candidates, the global model fits squared error. What
    /// replenishment needs: it never rewards forecasting zero for a slow mover.</summary>
    Mean,

    /// <summary>The point with the lowest absolute percentage error (below the median): MAPE ranks the candidates, the global
    /// model fits LightGBM's MAPE objective and is rescaled by its backtest's MAPE-optimal factor. What a MAPE scorecard
    /// (TSPerf's OrangeJuice) measures.</summary>
    PercentageError,

    /// <summary>The median demand: absolute error (MAE, so WAPE) ranks the candidates, the global model fits absolute error.</summary>
    Median,
}

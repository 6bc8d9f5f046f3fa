namespace InventoryPlatform.Forecasting.Domain;

/// <summary>What the trees minimise.</summary>
public enum BoostingObjective
{
    /// <summary>Squared error: the forecast aims at the mean (of the label, e.g. of log units).</summary>
    SquaredError,

    /// <summary>
    /// Absolute percentage error (LightGBM's <c>mape</c>: absolute error weighted 1/|actual|): the forecast aims at the
    /// point that minimises MAPE, below the median, on a label in units (not logs).
    /// </summary>
    PercentageError,

    /// <summary>Absolute error (LightGBM's <c>regression_l1</c>): the forecast aims at the median of the label.</summary>
    AbsoluteError,
}

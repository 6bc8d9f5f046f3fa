namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// The global model of a panel as <see cref="DemandForecaster"/> scores and publishes it: the one trained model, the
/// options the panel called for, its forecasts from each backtest origin ([fold][series], null where the series was too
/// short) and from the end of each series ([series][horizon]), all multiplied by <see cref="Factor"/> (1 unless the point
/// forecast aims at MAPE).
/// </summary>
public sealed record GlobalFit(GlobalBoostedModel Model, GlobalModelOptions Options, double[]?[][] Folds, double[][] Final, double Factor);

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// One series of a panel, as the global model sees it. <see cref="Values"/> is the known history (oldest first);
/// <see cref="Covariates"/> has one row per period for the history AND the forecast horizon (prices, promotions,
/// holidays, calendar: things known in advance); <see cref="Static"/> describes the series itself (store, brand, …).
/// </summary>
public sealed record PanelSeries(double[] Values, double[][] Covariates, double[] Static);

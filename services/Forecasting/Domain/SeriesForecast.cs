namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// A series' forecast of each forecast horizon with its 80 % prediction interval, the model chosen, how every candidate
/// scored in the backtest, and <see cref="Guard"/>: why the forecast was capped, when it was (null otherwise).
/// </summary>
public sealed record SeriesForecast(
    string Key,
    string Model,
    double[] P10,
    double[] P50,
    double[] P90,
    IReadOnlyList<CandidateAccuracy> Candidates,
    string? Guard = null
);

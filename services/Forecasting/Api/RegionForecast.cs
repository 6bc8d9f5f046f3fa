using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>A region's forecast: the model chosen, every candidate's backtest accuracy, the days, and <see cref="Guard"/>: why
/// the forecast was capped as beyond what history explains (null when it was not).</summary>
public sealed record RegionForecast(
    string Region,
    string Model,
    IReadOnlyList<CandidateAccuracy> Candidates,
    IReadOnlyList<ForecastPoint> Days,
    string? Guard = null
);

using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Api;

public sealed record RegionForecast(
    string Region,
    string Model,
    IReadOnlyList<CandidateAccuracy> Candidates,
    IReadOnlyList<ForecastPoint> Days
);

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>A series' daily forecast with its 80 % prediction interval, the model chosen and how every candidate scored.</summary>
public sealed record SeriesForecast(
    string Key,
    string Model,
    double[] P10,
    double[] P50,
    double[] P90,
    IReadOnlyList<CandidateAccuracy> Candidates
);

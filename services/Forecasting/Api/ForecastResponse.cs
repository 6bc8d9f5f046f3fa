using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>
/// An FNSKU's forecast: per day (total and per region) and, when its marketplace is forecast weekly, <see cref="Weeks"/>: the
/// total per ISO week (Monday's date; the first week from today only), the buckets the weekly models forecast.
/// </summary>
public sealed record ForecastResponse(
    string Fnsku,
    DateOnly From,
    int HorizonDays,
    DateTime MadeAt,
    double TotalUnitsP50,
    IReadOnlyList<ForecastPoint> Total,
    IReadOnlyList<RegionForecast> Regions,
    string Period,
    IReadOnlyList<ForecastPoint>? Weeks
);

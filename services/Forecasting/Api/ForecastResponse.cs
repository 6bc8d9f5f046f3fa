using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Api;

public sealed record ForecastResponse(
    string Fnsku,
    DateOnly From,
    int HorizonDays,
    DateTime MadeAt,
    double TotalUnitsP50,
    IReadOnlyList<ForecastPoint> Total,
    IReadOnlyList<RegionForecast> Regions
);

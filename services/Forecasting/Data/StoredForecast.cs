using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Data;

/// <summary>One region's forecast of an FNSKU as a refresh stores it, with every candidate's backtest as JSON.</summary>
public sealed record StoredForecast(string Fnsku, string Region, SeriesForecast Forecast, string CandidatesJson);

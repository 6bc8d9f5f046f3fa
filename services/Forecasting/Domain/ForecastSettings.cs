namespace InventoryPlatform.Forecasting.Domain;

/// <summary>How forecasts are made: horizon, the rolling-origin backtest that picks a model per series, and the global model.</summary>
public sealed record ForecastSettings(
    int HorizonDays = 91,
    int BacktestHorizonDays = 28,
    int BacktestFolds = 3,
    bool UseGlobalModel = true,
    GlobalModelOptions? Global = null
)
{
    public GlobalModelOptions GlobalOptions => Global ?? new GlobalModelOptions();
}

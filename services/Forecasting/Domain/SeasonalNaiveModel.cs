namespace InventoryPlatform.Forecasting.Domain;

/// <summary>The value one season ago (a week ago for daily sales).</summary>
public sealed class SeasonalNaiveModel(int seasonLength) : IDemandModel
{
    public string Name => "SeasonalNaive";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        var forecast = new double[horizon];
        if (history.Length < seasonLength)
        {
            return new NaiveModel().Forecast(history, horizon);
        }

        for (var h = 0; h < horizon; h++)
        {
            forecast[h] = history[history.Length - seasonLength + (h % seasonLength)];
        }

        return forecast;
    }
}

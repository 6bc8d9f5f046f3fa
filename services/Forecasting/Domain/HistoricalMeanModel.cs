namespace InventoryPlatform.Forecasting.Domain;

/// <summary>The mean of the whole history.</summary>
public sealed class HistoricalMeanModel : IDemandModel
{
    public string Name => "Mean";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        double sum = 0;
        foreach (var value in history)
        {
            sum += value;
        }

        return Enumerable.Repeat(history.IsEmpty ? 0 : sum / history.Length, horizon).ToArray();
    }
}

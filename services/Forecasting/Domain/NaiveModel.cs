namespace InventoryPlatform.Forecasting.Domain;

/// <summary>The last value repeated: the benchmark every model must beat.</summary>
public sealed class NaiveModel : IDemandModel
{
    public string Name => "Naive";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon) =>
        Enumerable.Repeat(history.IsEmpty ? 0 : history[^1], horizon).ToArray();
}

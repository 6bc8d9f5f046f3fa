namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// A univariate demand model: given the history of one series (oldest first, one value per period),
/// the point forecast of the next <c>horizon</c> periods. Models are pure and stateless, so one instance
/// serves every series and every thread.
/// </summary>
public interface IDemandModel
{
    string Name { get; }

    double[] Forecast(ReadOnlySpan<double> history, int horizon);
}

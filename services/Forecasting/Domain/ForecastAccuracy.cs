namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Forecast error of a set of (actual, forecast) pairs. MAPE skips periods without actual demand (it is
/// undefined there); WAPE is Σ|error| / Σ actual; bias is Σ(forecast − actual) / Σ actual: positive means over-forecasting.
/// </summary>
public sealed record ForecastAccuracy(double? Mape, double? Wape, double? Bias, double Mae, double Rmse, int Points)
{
    public static ForecastAccuracy Of(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        if (actual.Count != forecast.Count)
        {
            throw new ArgumentException("Actuals and forecasts must pair up.", nameof(forecast));
        }

        double absoluteError = 0,
            squaredError = 0,
            signedError = 0,
            actualSum = 0,
            percentSum = 0;
        var percentCount = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var error = forecast[i] - actual[i];
            absoluteError += Math.Abs(error);
            squaredError += error * error;
            signedError += error;
            actualSum += Math.Abs(actual[i]);
            if (actual[i] != 0)
            {
                percentSum += Math.Abs(error / actual[i]);
                percentCount++;
            }
        }

        return new ForecastAccuracy(
            percentCount > 0 ? percentSum / percentCount : null,
            actualSum > 0 ? absoluteError / actualSum : null,
            actualSum > 0 ? signedError / actualSum : null,
            actual.Count > 0 ? absoluteError / actual.Count : 0,
            actual.Count > 0 ? Math.Sqrt(squaredError / actual.Count) : 0,
            actual.Count
        );
    }
}

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Croston's method for intermittent demand: smooths the size of non-zero demands and the interval between
/// them separately; the rate is size / interval. With <c>syntetosBoylan</c> the rate is multiplied by
/// (1 − α/2), which removes Croston's known upward bias (SBA).
/// </summary>
public sealed class CrostonModel(bool syntetosBoylan, double alpha = 0.1) : IDemandModel
{
    public string Name => syntetosBoylan ? "SBA" : "Croston";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        double size = 0,
            interval = 0;
        var sinceLast = 0;
        var started = false;
        foreach (var value in history)
        {
            sinceLast++;
            if (value <= 0)
            {
                continue;
            }

            if (!started)
            {
                (size, interval, started) = (value, sinceLast, true);
            }
            else
            {
                size += alpha * (value - size);
                interval += alpha * (sinceLast - interval);
            }

            sinceLast = 0;
        }

        var rate = started ? size / interval * (syntetosBoylan ? 1 - alpha / 2 : 1) : 0;
        return Enumerable.Repeat(rate, horizon).ToArray();
    }
}

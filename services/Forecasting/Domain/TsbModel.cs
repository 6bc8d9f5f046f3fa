namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Teunter-Syntetos-Babai: smooths the probability of a demand every period (so the forecast decays while an
/// item stops selling, unlike Croston) and the size of demands when they occur; the rate is probability × size.
/// </summary>
public sealed class TsbModel(double alpha = 0.1, double beta = 0.1) : IDemandModel
{
    public string Name => "TSB";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        var nonZero = 0;
        double sizeSum = 0;
        foreach (var value in history)
        {
            if (value > 0)
            {
                nonZero++;
                sizeSum += value;
            }
        }

        if (nonZero == 0)
        {
            return new double[horizon];
        }

        double probability = (double)nonZero / history.Length,
            size = sizeSum / nonZero;
        foreach (var value in history)
        {
            var occurred = value > 0 ? 1 : 0;
            probability += beta * (occurred - probability);
            if (occurred == 1)
            {
                size += alpha * (value - size);
            }
        }

        return Enumerable.Repeat(probability * size, horizon).ToArray();
    }
}

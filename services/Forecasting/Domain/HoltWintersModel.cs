namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Additive Holt-Winters (ETS A,Ad,A): level, damped trend and a seasonal cycle of <c>seasonLength</c>
/// periods (7: the week of daily sales). With <c>yearly</c> and at least two years of daily history, a
/// yearly profile (the 7-day average's deviation from the 364-day average, by position in a 364-day
/// year so weekdays stay aligned) is removed before fitting and added back to the forecast.
/// Smoothing parameters are chosen from a small grid by the in-sample one-step squared error.
/// </summary>
public sealed class HoltWintersModel(int seasonLength, bool yearly = false) : IDemandModel
{
    public const int YearLength = 364;

    private static readonly double[] Alphas = [0.05, 0.2, 0.5];
    private static readonly double[] Betas = [0, 0.05];
    private static readonly double[] Gammas = [0.05, 0.25];
    private static readonly double[] Phis = [1, 0.9];

    public string Name => yearly ? "HoltWintersYearly" : "HoltWinters";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        if (history.Length < 2 * seasonLength)
        {
            return new HistoricalMeanModel().Forecast(history, horizon);
        }

        var profile = yearly && history.Length >= 2 * YearLength ? YearlyProfile(history) : null;
        var series = history.ToArray();
        if (profile is not null)
        {
            for (var t = 0; t < series.Length; t++)
            {
                series[t] -= profile[t % YearLength];
            }
        }

        var best = (Error: double.MaxValue, Alpha: 0.0, Beta: 0.0, Gamma: 0.0, Phi: 1.0);
        foreach (var alpha in Alphas)
        {
            foreach (var beta in Betas)
            {
                foreach (var gamma in Gammas)
                {
                    foreach (var phi in Phis)
                    {
                        if (beta == 0 && phi != 1)
                        {
                            continue; // without a trend, damping changes nothing
                        }

                        var error = Fit(series, alpha, beta, gamma, phi, out _, out _, out _);
                        if (error < best.Error - 1e-9)
                        {
                            best = (error, alpha, beta, gamma, phi);
                        }
                    }
                }
            }
        }

        Fit(series, best.Alpha, best.Beta, best.Gamma, best.Phi, out var level, out var trend, out var season);
        var forecast = new double[horizon];
        var damping = 0.0;
        var phiPower = 1.0;
        for (var h = 1; h <= horizon; h++)
        {
            phiPower *= best.Phi;
            damping += phiPower;
            var t = series.Length + h - 1;
            forecast[h - 1] = level + damping * trend + season[t % seasonLength] + (profile is null ? 0 : profile[t % YearLength]);
        }

        return forecast;
    }

    /// <summary>Runs the smoothing recursions; returns the sum of squared one-step errors and the final states.</summary>
    private double Fit(
        double[] y,
        double alpha,
        double beta,
        double gamma,
        double phi,
        out double level,
        out double trend,
        out double[] season
    )
    {
        var m = seasonLength;
        double first = 0,
            second = 0;
        for (var i = 0; i < m; i++)
        {
            first += y[i];
            second += y[m + i];
        }

        level = first / m;
        trend = beta == 0 ? 0 : (second - first) / m / m;
        season = new double[m];
        for (var i = 0; i < m; i++)
        {
            // The first cycle's deviations from its mean, corrected for the trend inside the cycle.
            season[i] = y[i] - (level + (i - (m - 1) / 2.0) * trend);
        }

        // States stand at the end of the first cycle.
        level += (m - 1) / 2.0 * trend;
        double error = 0;
        for (var t = m; t < y.Length; t++)
        {
            var s = season[t % m];
            var predicted = level + phi * trend + s;
            var e = y[t] - predicted;
            error += e * e;
            var previousLevel = level;
            level = alpha * (y[t] - s) + (1 - alpha) * (level + phi * trend);
            trend = beta * (level - previousLevel) + (1 - beta) * phi * trend;
            season[t % m] = gamma * (y[t] - level) + (1 - gamma) * s;
        }

        return error;
    }

    /// <summary>Yearly deviation by day of a 364-day year, from the centred 7-day and 364-day moving averages.</summary>
    private static double[] YearlyProfile(ReadOnlySpan<double> y)
    {
        var n = y.Length;
        var prefix = new double[n + 1];
        for (var t = 0; t < n; t++)
        {
            prefix[t + 1] = prefix[t] + y[t];
        }

        double Mean(int from, int count) => (prefix[from + count] - prefix[from]) / count;

        var sum = new double[YearLength];
        var count = new int[YearLength];
        const int half = YearLength / 2;
        for (var t = half; t + half <= n && t + 4 <= n; t++)
        {
            var week = Mean(Math.Max(0, t - 3), Math.Min(7, n - Math.Max(0, t - 3)));
            var year = Mean(t - half, Math.Min(YearLength, n - (t - half)));
            sum[t % YearLength] += week - year;
            count[t % YearLength]++;
        }

        var profile = new double[YearLength];
        for (var d = 0; d < YearLength; d++)
        {
            profile[d] = count[d] > 0 ? sum[d] / count[d] : 0;
        }

        return profile;
    }
}

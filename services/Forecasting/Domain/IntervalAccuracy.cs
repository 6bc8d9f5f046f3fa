namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// How well P10/P50/P90 forecasts were calibrated against the actuals: <see cref="Coverage"/> is the share of actuals
/// within [P10, P90] (80 % when calibrated); <see cref="Pinball"/> is the quantile (pinball) loss averaged over the three
/// quantiles and the points, in units: for quantile q, q·(y − f) when y ≥ f, else (1 − q)·(f − y). <see cref="ScaledPinball"/>
/// divides it by the mean actual, so series and data sets of different sizes compare.
/// </summary>
public sealed record IntervalAccuracy(double? Coverage, double? Pinball, double? ScaledPinball, int Points)
{
    public static IntervalAccuracy Of(
        IReadOnlyList<double> actual,
        IReadOnlyList<double> p10,
        IReadOnlyList<double> p50,
        IReadOnlyList<double> p90
    )
    {
        if (p10.Count != actual.Count || p50.Count != actual.Count || p90.Count != actual.Count)
        {
            throw new ArgumentException("Actuals and forecasts must pair up.", nameof(p50));
        }

        if (actual.Count == 0)
        {
            return new IntervalAccuracy(null, null, null, 0);
        }

        double loss = 0,
            total = 0;
        var inside = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var y = actual[i];
            inside += p10[i] <= y && y <= p90[i] ? 1 : 0;
            loss += (Loss(y, p10[i], 0.1) + Loss(y, p50[i], 0.5) + Loss(y, p90[i], 0.9)) / 3;
            total += Math.Abs(y);
        }

        var pinball = loss / actual.Count;
        return new IntervalAccuracy(
            (double)inside / actual.Count,
            pinball,
            total > 0 ? pinball / (total / actual.Count) : null,
            actual.Count
        );
    }

    /// <summary>The pinball loss of forecast f of quantile q when y happened.</summary>
    public static double Loss(double y, double f, double q) => y >= f ? q * (y - f) : (1 - q) * (f - y);
}

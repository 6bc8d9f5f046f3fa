using System.Globalization;

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Caps a forecast far outside what the series' history can explain: no period may be forecast above
/// <see cref="Multiple"/> × the largest period in history, or <see cref="PromotedMultiple"/> × on a promoted period (a
/// promotion can lift sales beyond anything seen). P10/P50/P90 are capped alike, and the reason is given for the record.
/// </summary>
public static class ForecastGuard
{
    public const double Multiple = 3;
    public const double PromotedMultiple = 6;

    /// <summary>The forecast capped, with the reason; the same forecast and a null reason when nothing was above the cap.</summary>
    public static (double[] P10, double[] P50, double[] P90, string? Reason) Cap(
        ReadOnlySpan<double> history,
        double[] p10,
        double[] p50,
        double[] p90,
        IReadOnlyList<bool>? promoted
    )
    {
        var largest = 0.0;
        foreach (var value in history)
        {
            largest = double.IsNaN(value) ? largest : Math.Max(largest, value);
        }

        // A series that never sold more than one unit a period may still sell a few.
        largest = Math.Max(largest, 1);
        var capped = 0;
        var highest = 0.0;
        var (low, mid, high) = (p10.ToArray(), p50.ToArray(), p90.ToArray());
        for (var j = 0; j < mid.Length; j++)
        {
            var limit = largest * (promoted is not null && j < promoted.Count && promoted[j] ? PromotedMultiple : Multiple);
            if (mid[j] > limit)
            {
                capped++;
                highest = Math.Max(highest, mid[j]);
            }

            low[j] = Math.Min(low[j], limit);
            mid[j] = Math.Min(mid[j], limit);
            high[j] = Math.Min(high[j], limit);
        }

        if (capped == 0)
        {
            return (p10, p50, p90, null);
        }

        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"P50 of {capped} period(s) capped at {Multiple:0.#} x the largest period in history ({largest:0.##} units; "
                + $"{PromotedMultiple:0.#} x on promoted periods): the model forecast up to {highest:0.##}."
        );
        return (low, mid, high, reason);
    }
}

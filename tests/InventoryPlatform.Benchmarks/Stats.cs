using System.Globalization;

namespace InventoryPlatform.Benchmarks;

/// <summary>Latency percentiles and throughput, printed as a Markdown table row for the docs.</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> sortedMilliseconds, double percentile)
    {
        if (sortedMilliseconds.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sortedMilliseconds.Count) - 1;
        return sortedMilliseconds[Math.Clamp(rank, 0, sortedMilliseconds.Count - 1)];
    }

    public static string Row(params object[] cells) =>
        "| "
        + string.Join(
            " | ",
            cells.Select(c =>
                c switch
                {
                    double d => d.ToString("0.0", CultureInfo.InvariantCulture),
                    _ => Convert.ToString(c, CultureInfo.InvariantCulture),
                }
            )
        )
        + " |";
}

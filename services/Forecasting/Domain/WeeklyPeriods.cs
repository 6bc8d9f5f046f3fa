using System.Globalization;

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Weekly forecasting on daily data: sales summed to ISO weeks (Monday to Sunday), the daily covariates averaged to weeks,
/// and a weekly forecast spread back to days for replenishment, which plans in days.
/// </summary>
public static class WeeklyPeriods
{
    private static readonly double RootSeven = Math.Sqrt(7);

    /// <summary>The Monday of the ISO week of <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// Units per ISO week of a daily history that starts on <paramref name="start"/> (index 0): from the week holding the
    /// first day to the last week that ended before <paramref name="today"/>'s week began; the week in progress is left out.
    /// </summary>
    public static (DateOnly FirstWeek, double[] Units) Units(DateOnly start, IReadOnlyList<double> daily, DateOnly today)
    {
        var first = WeekStart(start);
        var weeks = Math.Max(0, (WeekStart(today).DayNumber - first.DayNumber) / 7);
        var units = new double[weeks];
        for (var d = 0; d < daily.Count; d++)
        {
            var week = (start.DayNumber + d - first.DayNumber) / 7;
            if (week < weeks)
            {
                units[week] += daily[d];
            }
        }

        return (first, units);
    }

    /// <summary>
    /// Weekly covariate rows from daily ones (<see cref="CalendarFeatures"/>) that start on a Monday: each column averaged
    /// over the week's days (a week with two promotion days reads 2/7), the weekday column replaced by the ISO week of year.
    /// </summary>
    public static double[][] Covariates(DateOnly firstWeek, IReadOnlyList<double[]> daily)
    {
        var weeks = daily.Count / 7;
        var rows = new double[weeks][];
        for (var w = 0; w < weeks; w++)
        {
            var row = new double[daily[0].Length];
            for (var d = 0; d < 7; d++)
            {
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] += daily[7 * w + d][c] / 7;
                }
            }

            row[CalendarFeatures.WeekdayColumn] = ISOWeek.GetWeekOfYear(firstWeek.AddDays(7 * w + 3).ToDateTime(TimeOnly.MinValue));
            rows[w] = row;
        }

        return rows;
    }

    /// <summary>Weeks ahead (1 = the week in progress) that cover <paramref name="days"/> days from <paramref name="today"/>.</summary>
    public static int HorizonWeeks(DateOnly today, int days) => (today.DayNumber - WeekStart(today).DayNumber + days + 6) / 7;

    /// <summary>
    /// The daily forecast of <paramref name="days"/> days from <paramref name="today"/> from a weekly one whose first week is
    /// the week in progress: each day gets a seventh of its week's P50, and an interval a √7th as wide as the week's on each
    /// side, so seven independent days add up to the week's spread (what safety stock sums over the lead time).
    /// </summary>
    public static (double[] P10, double[] P50, double[] P90) Daily(
        DateOnly today,
        int days,
        IReadOnlyList<double> p10,
        IReadOnlyList<double> p50,
        IReadOnlyList<double> p90
    )
    {
        var (low, mid, high) = (new double[days], new double[days], new double[days]);
        var monday = WeekStart(today);
        for (var d = 0; d < days; d++)
        {
            var week = Math.Min((today.DayNumber + d - monday.DayNumber) / 7, p50.Count - 1);
            mid[d] = p50[week] / 7;
            low[d] = Math.Max(0, mid[d] - Math.Max(0, p50[week] - p10[week]) / RootSeven);
            high[d] = mid[d] + Math.Max(0, p90[week] - p50[week]) / RootSeven;
        }

        return (low, mid, high);
    }

    /// <summary>
    /// Daily forecast points summed to ISO weeks: P50 adds up; the interval's half-widths add as independent days do (the
    /// root of the sum of squares), the inverse of <see cref="Daily"/>. The first and last weeks hold only the days given.
    /// </summary>
    public static IReadOnlyList<ForecastPoint> Buckets(IReadOnlyList<ForecastPoint> days) =>
        days.GroupBy(d => WeekStart(d.Date))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var p50 = g.Sum(d => d.P50);
                var below = Math.Sqrt(g.Sum(d => Math.Pow(d.P50 - d.P10, 2)));
                var above = Math.Sqrt(g.Sum(d => Math.Pow(d.P90 - d.P50, 2)));
                return new ForecastPoint(g.Key, Math.Max(0, p50 - below), p50, p50 + above);
            })
            .ToList();
}

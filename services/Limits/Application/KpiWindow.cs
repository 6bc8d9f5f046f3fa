using System.Globalization;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Limits.Application;

/// <summary>
/// The window of days a KPI read covers: <c>from</c>/<c>to</c> (ISO dates, inclusive) or the last <c>days</c> days up to today
/// (default 30). At most <see cref="MaxDays"/> days.
/// </summary>
public static class KpiWindow
{
    public const int DefaultDays = 30;
    public const int MaxDays = 731;

    public static (DateOnly From, DateOnly To) Read(string? from, string? to, int? days, DateOnly today, Validation validation)
    {
        validation.Require(days is null || (from is null && to is null), "days", "Give either days or from/to, not both.");
        validation.Require(days is null or (>= 1 and <= MaxDays), "days", $"Must be between 1 and {MaxDays}.");
        var end = today;
        if (to is not null && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            validation.Add("to", "Must be a date such as 2026-11-27.");
        }

        var start = end.AddDays(1 - (days ?? DefaultDays));
        if (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            validation.Add("from", "Must be a date such as 2026-11-01.");
        }

        if (validation.IsValid)
        {
            validation.Require(start <= end, "from", "Must not be after to.");
            validation.Require(end.DayNumber - start.DayNumber < MaxDays, "from", $"The window may span at most {MaxDays} days.");
        }

        return (start, end);
    }
}

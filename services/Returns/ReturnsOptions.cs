using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns;

/// <summary>
/// Returns' settings (section <c>Returns</c>): the return window per marketplace, and when a return rate counts as high.
/// </summary>
public sealed class ReturnsOptions
{
    public const string Section = "Returns";

    /// <summary>Days after shipping a return can still be authorized, where no marketplace entry says otherwise.</summary>
    public int DefaultWindowDays { get; set; } = ReturnWindows.StandardDays;

    /// <summary>Per-marketplace windows, for instance <c>Returns:WindowDaysByMarketplace:DE = 14</c>.</summary>
    public Dictionary<string, int> WindowDaysByMarketplace { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Return rate (returned ÷ shipped) above which HighReturnRateDetected is published.</summary>
    public double HighReturnRateThreshold { get; set; } = HighReturnRatePolicy.Default.Threshold;

    /// <summary>Units that must have shipped in the window before a rate can count as high.</summary>
    public int HighReturnRateMinimumShippedUnits { get; set; } = HighReturnRatePolicy.Default.MinimumShippedUnits;

    /// <summary>The window the alarm's rate is taken over (days back from now).</summary>
    public int HighReturnRateWindowDays { get; set; } = HighReturnRatePolicy.Default.WindowDays;

    /// <summary>How often raised return-rate alarms are read again, so they re-arm when returns age out of the window.</summary>
    public TimeSpan AlarmSweepInterval { get; set; } = TimeSpan.FromHours(1);

    public ReturnWindows Windows() => new(DefaultWindowDays, WindowDaysByMarketplace);

    public HighReturnRatePolicy HighReturnRate() =>
        new(HighReturnRateThreshold, HighReturnRateMinimumShippedUnits, HighReturnRateWindowDays);
}

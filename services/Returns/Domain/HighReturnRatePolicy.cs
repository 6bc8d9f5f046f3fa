namespace InventoryPlatform.Returns.Domain;

/// <summary>
/// When an FNSKU's return rate counts as high: above <see cref="Threshold"/> over the last <see cref="WindowDays"/> days, once at
/// least <see cref="MinimumShippedUnits"/> shipped in that window (two returns of three sales is noise, not a signal).
/// </summary>
public sealed record HighReturnRatePolicy(double Threshold, int MinimumShippedUnits, int WindowDays)
{
    public static HighReturnRatePolicy Default { get; } = new(0.15, 20, 30);
}

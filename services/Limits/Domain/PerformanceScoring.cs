namespace InventoryPlatform.Limits.Domain;

/// <summary>
/// The performance score, 0–1000: 1000 × Σ weight × points, where
/// excess earns 1 − excess share (weight 0.30), sell-through earns its 90-day rate against a target of 1.0 capped at 1 (0.30),
/// stranded earns 1 − stranded share (0.15) and in-stock earns the in-stock rate (0.25).
/// Excess and sell-through weigh most because they say whether the space a seller holds is earning its keep.
/// </summary>
public static class PerformanceScoring
{
    public const double ExcessWeight = 0.30;
    public const double SellThroughWeight = 0.30;
    public const double StrandedWeight = 0.15;
    public const double InStockWeight = 0.25;

    /// <summary>A 90-day sell-through of 1 (the average stock sold once a quarter) earns full points.</summary>
    public const double SellThroughTarget = 1.0;

    public static PerformanceScore Compute(ScoreInputs inputs)
    {
        ScoreComponent[] components =
        [
            Component("excessShare", inputs.ExcessShare, 1 - Clamp(inputs.ExcessShare), ExcessWeight),
            Component(
                "sellThroughRate",
                inputs.SellThroughRate90Days,
                Clamp(inputs.SellThroughRate90Days / SellThroughTarget),
                SellThroughWeight
            ),
            Component("strandedShare", inputs.StrandedShare, 1 - Clamp(inputs.StrandedShare), StrandedWeight),
            Component("inStockRate", inputs.InStockRate, Clamp(inputs.InStockRate), InStockWeight),
        ];
        var score = (int)Math.Round(components.Sum(c => c.Contribution), MidpointRounding.AwayFromZero);
        return new PerformanceScore(Math.Clamp(score, 0, 1000), components);
    }

    private static ScoreComponent Component(string name, double value, double points, double weight) =>
        new(name, value, points, weight, 1000 * weight * points);

    private static double Clamp(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
}

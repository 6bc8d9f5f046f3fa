namespace InventoryPlatform.Liquidation.Domain;

/// <summary>Per-unit fee by shipping weight, as removal and disposal programmes charge it.</summary>
public sealed class FeeByWeight
{
    public decimal UpToHalfPound { get; set; }

    public decimal UpToOnePound { get; set; }

    public decimal UpToTwoPounds { get; set; }

    public decimal OverTwoPoundsBase { get; set; }

    public decimal PerPoundOverTwo { get; set; }

    public decimal For(decimal weightLb) =>
        weightLb switch
        {
            <= 0.5m => UpToHalfPound,
            <= 1m => UpToOnePound,
            <= 2m => UpToTwoPounds,
            _ => Math.Round(OverTwoPoundsBase + (PerPoundOverTwo * Math.Ceiling(weightLb - 2m)), 2),
        };
}

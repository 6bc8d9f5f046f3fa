namespace InventoryPlatform.Liquidation.Domain;

/// <summary>A deal: a price cut for a few days that lifts demand by a factor, for a flat fee.</summary>
public sealed class PromotionTerms
{
    public decimal DiscountPercent { get; set; } = 20m;

    public decimal DemandLift { get; set; } = 3m;

    public int Days { get; set; } = 14;

    public decimal Fee { get; set; } = 70m;
}

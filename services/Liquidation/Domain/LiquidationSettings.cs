namespace InventoryPlatform.Liquidation.Domain;

/// <summary>
/// Every assumption behind ageing, excess and the expected-value choice; bound from <c>Liquidation</c> configuration,
/// defaults seeded with realistic marketplace figures.
/// </summary>
public sealed class LiquidationSettings
{
    public const string Section = "Liquidation";

    /// <summary>Days of supply that are not excess.</summary>
    public int CoverDays { get; set; } = 90;

    /// <summary>No sale in this many days makes an FNSKU dead stock.</summary>
    public int DeadStockDays { get; set; } = 180;

    /// <summary>Sales window for demand when no forecast exists.</summary>
    public int SalesLookbackDays { get; set; } = 90;

    /// <summary>Horizon over which keeping and each action are valued.</summary>
    public int DecisionHorizonDays { get; set; } = 180;

    /// <summary>Marketplace referral fee as a share of the selling price.</summary>
    public decimal ReferralFeeShare { get; set; } = 0.15m;

    /// <summary>Fulfilment fee per unit sold.</summary>
    public decimal FulfillmentFeePerUnit { get; set; } = 3.22m;

    /// <summary>Price elasticity of demand: a 10 % price cut lifts demand by elasticity × 10 %.</summary>
    public decimal PriceElasticity { get; set; } = 2m;

    /// <summary>Deepest markdown ever considered, in percent; a seller's automatic policy may allow less.</summary>
    public decimal MaxMarkdownPercent { get; set; } = 50m;

    public decimal MarkdownStepPercent { get; set; } = 5m;

    public PromotionTerms Promotion { get; set; } = new();

    /// <summary>Liquidators pay 5-10 % of the average selling price; the expected value uses the midpoint.</summary>
    public decimal LiquidationRecoveryShareLow { get; set; } = 0.05m;

    public decimal LiquidationRecoveryShareHigh { get; set; } = 0.10m;

    /// <summary>Referral fee the marketplace keeps of the liquidation proceeds.</summary>
    public decimal LiquidationReferralShare { get; set; } = 0.15m;

    public decimal LiquidationProcessingFeePerUnit { get; set; } = 0.25m;

    /// <summary>What units sent back are worth to the seller (resold elsewhere, repaired), as a share of the selling price.</summary>
    public decimal RemovalResidualShare { get; set; } = 0.10m;

    public FeeByWeight RemovalFee { get; set; } =
        new()
        {
            UpToHalfPound = 1.04m,
            UpToOnePound = 1.53m,
            UpToTwoPounds = 2.27m,
            OverTwoPoundsBase = 2.89m,
            PerPoundOverTwo = 1.06m,
        };

    public FeeByWeight DisposalFee { get; set; } =
        new()
        {
            UpToHalfPound = 0.52m,
            UpToOnePound = 0.77m,
            UpToTwoPounds = 1.14m,
            OverTwoPoundsBase = 1.45m,
            PerPoundOverTwo = 0.53m,
        };

    /// <summary>An action must beat keeping by at least this much to be recommended.</summary>
    public decimal MinimumGain { get; set; } = 1m;

    /// <summary>After a seller rejects a recommendation, none is raised again for that stock for this many days.</summary>
    public int RejectionQuietDays { get; set; } = 30;

    public HoldingCostSchedule HoldingCost { get; set; } = new();

    public ExcessRules ExcessRules => new(CoverDays, DeadStockDays);

    public decimal LiquidationRecoveryShare => (LiquidationRecoveryShareLow + LiquidationRecoveryShareHigh) / 2;

    public IEnumerable<(string Field, string Reason)> Problems()
    {
        if (CoverDays is < 1 or > 730)
        {
            yield return (nameof(CoverDays), "Must be 1-730 days.");
        }

        if (DeadStockDays is < 1 or > 3650)
        {
            yield return (nameof(DeadStockDays), "Must be 1-3650 days.");
        }

        if (SalesLookbackDays is < 1 or > 730)
        {
            yield return (nameof(SalesLookbackDays), "Must be 1-730 days.");
        }

        if (DecisionHorizonDays is < 1 or > 730)
        {
            yield return (nameof(DecisionHorizonDays), "Must be 1-730 days.");
        }

        if (MarkdownStepPercent <= 0 || MaxMarkdownPercent is <= 0 or >= 100)
        {
            yield return (nameof(MaxMarkdownPercent), "Markdown step must be positive and the maximum between 0 and 100 %.");
        }

        if (
            LiquidationRecoveryShareLow < 0
            || LiquidationRecoveryShareHigh < LiquidationRecoveryShareLow
            || LiquidationRecoveryShareHigh > 1
        )
        {
            yield return (nameof(LiquidationRecoveryShareHigh), "Recovery shares must satisfy 0 <= low <= high <= 1.");
        }
    }
}

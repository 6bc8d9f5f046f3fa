namespace InventoryPlatform.Liquidation.Domain;

public enum RecommendedAction
{
    Keep,
    Markdown,
    Promotion,
    Liquidate,
    RemoveToSeller,
    Dispose,
}

namespace InventoryPlatform.Liquidation.Domain;

/// <summary>Whether units can be sold (on the shelf) or not (damaged receipts, unsellable returns).</summary>
public enum StockKind
{
    Sellable,
    Unfulfillable,
}

namespace InventoryPlatform.Allocation.Domain;

/// <summary>The balance of one (seller, FNSKU, FC). Available is what can still be promised to an order.</summary>
public sealed record StockBalance(int OnHand, int Reserved, int Inbound, int InTransit, int Unfulfillable, long Version)
{
    public static readonly StockBalance Empty = new(0, 0, 0, 0, 0, 0);

    public int Available => OnHand - Reserved;
}

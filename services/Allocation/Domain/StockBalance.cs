namespace InventoryPlatform.Allocation.Domain;

/// <summary>
/// The balance of one (seller, FNSKU, FC). On hand includes what is reserved for orders and what is held for removal orders
/// (pending removal); available is what can still be promised to an order.
/// </summary>
public sealed record StockBalance(
    int OnHand,
    int Reserved,
    int Inbound,
    int InTransit,
    int Unfulfillable,
    long Version,
    int PendingRemoval = 0
)
{
    public static readonly StockBalance Empty = new(0, 0, 0, 0, 0, 0);

    public int Available => OnHand - Reserved - PendingRemoval;
}

namespace InventoryPlatform.Allocation.Domain;

/// <summary>Where a unit of stock sits in the ledger.</summary>
public enum StockBucket
{
    OnHand,
    Reserved,
    Inbound,
    InTransit,
    Unfulfillable,

    /// <summary>Part of on hand held for a removal order (liquidation, removal, disposal) until it completes or is cancelled.</summary>
    PendingRemoval,
}

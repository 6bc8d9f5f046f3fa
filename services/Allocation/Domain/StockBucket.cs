namespace InventoryPlatform.Allocation.Domain;

/// <summary>Where a unit of stock sits in the ledger.</summary>
public enum StockBucket
{
    OnHand,
    Reserved,
    Inbound,
    InTransit,
    Unfulfillable,
}

namespace InventoryPlatform.Allocation.Data;

/// <summary>
/// A seller's stock summed over the FCs of one marketplace; <c>Available</c> is on hand less reserved and pending removal.
/// </summary>
public sealed record MarketplaceStock(
    string Marketplace,
    int OnHand,
    int Reserved,
    int PendingRemoval,
    int Available,
    int Inbound,
    int InTransit,
    int Unfulfillable
);

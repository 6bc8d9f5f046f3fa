using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Data;

/// <summary>
/// A lot as stored: which FC and kind of stock it is, and whether it is still in transit to that FC (it ages and counts
/// there, but cannot ship or be removed until the transfer arrives).
/// </summary>
public sealed record StoredLot(string Fnsku, string FulfillmentCenter, StockKind StockKind, InventoryLot Lot, bool InTransit = false);

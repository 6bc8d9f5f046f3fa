using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Data;

/// <summary>A lot as stored: which FC and kind of stock it is.</summary>
public sealed record StoredLot(string Fnsku, string FulfillmentCenter, StockKind StockKind, InventoryLot Lot);

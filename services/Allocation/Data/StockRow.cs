using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Data;

public sealed record StockRow(string Fnsku, string FulfillmentCenter, StockBalance Balance, DateTime UpdatedAt);

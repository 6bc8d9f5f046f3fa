using InventoryPlatform.Allocation.Domain;

namespace InventoryPlatform.Allocation.Data;

public sealed record StockKey(string SellerId, string Fnsku, string FulfillmentCenter);

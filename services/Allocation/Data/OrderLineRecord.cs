using Dapper;

namespace InventoryPlatform.Allocation.Data;

public sealed record OrderLineRecord(int LineNumber, string Fnsku, int Quantity, decimal UnitPrice, string Currency, int Backordered);

using Dapper;

namespace InventoryPlatform.Allocation.Data;

public sealed record OrderView(OrderHeader Header, IReadOnlyList<OrderLineRecord> Lines, IReadOnlyList<OrderAllocationRecord> Allocations);

using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Allocation.Api;

public sealed record OrderLineResponse(
    int LineNumber,
    string Fnsku,
    int Quantity,
    Money UnitPrice,
    int Allocated,
    int Backordered,
    IReadOnlyList<OrderAllocationResponse> Allocations
);

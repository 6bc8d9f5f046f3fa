namespace InventoryPlatform.Allocation.Api;

/// <summary>An FC operator's count: the units of a seller's FNSKU found at an FC (or in one of its bins).</summary>
public sealed record CycleCountRequest(
    string? SellerId,
    string? Fnsku,
    string? FulfillmentCenter,
    int? CountedUnits,
    string? Reason,
    string? Bin
);

using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Allocation.Application;

/// <summary>An FC operator's count of one (seller, FNSKU, FC), optionally of one bin; no reason: the default by sign.</summary>
public sealed record CycleCount(
    string SellerId,
    string Fnsku,
    string FulfillmentCenter,
    string? Bin,
    int CountedUnits,
    AdjustmentReason? Reason
);

namespace InventoryPlatform.Allocation.Api;

/// <summary>What a count found against the ledger; <c>adjustment</c> is absent when the count agreed with on hand.</summary>
public sealed record CycleCountResponse(
    string SellerId,
    string Fnsku,
    string FulfillmentCenter,
    string? Bin,
    int CountedUnits,
    int PreviousOnHand,
    int OnHand,
    int Reserved,
    AdjustmentResponse? Adjustment
);

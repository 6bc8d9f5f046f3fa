using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Allocation.Api;

/// <summary>An adjustment a count made to the ledger: <c>quantity</c> is the signed change of on hand.</summary>
public sealed record AdjustmentResponse(
    Guid Id,
    string SellerId,
    string Fnsku,
    string FulfillmentCenter,
    string? Bin,
    int CountedUnits,
    int PreviousOnHand,
    int Quantity,
    AdjustmentReason Reason,
    DateTime OccurredAt
)
{
    public static AdjustmentResponse From(AdjustmentRecord a) =>
        new(a.Id, a.SellerId, a.Fnsku, a.FulfillmentCenter, a.Bin, a.CountedUnits, a.PreviousOnHand, a.Quantity, a.Reason, a.OccurredAt);
}

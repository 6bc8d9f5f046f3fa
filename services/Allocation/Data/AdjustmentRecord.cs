using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Allocation.Data;

/// <summary>One adjustment a count made to the ledger: what was counted, what the ledger held, the signed difference.</summary>
public sealed record AdjustmentRecord(
    Guid Id,
    string SellerId,
    string Fnsku,
    string FulfillmentCenter,
    string? Bin,
    int CountedUnits,
    int PreviousOnHand,
    int Quantity,
    AdjustmentReason Reason,
    string CountedBy,
    Guid CorrelationId,
    DateTime OccurredAt
);

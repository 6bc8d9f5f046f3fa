namespace InventoryPlatform.Contracts.V1;

/// <summary>
/// A count at an FC found a different number of units than the ledger held; <see cref="Quantity"/> is the signed difference
/// (negative: fewer units). Lost and damaged units are reimbursed to the seller. <see cref="Bin"/> is set when a bin was counted.
/// </summary>
public sealed record InventoryAdjusted(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string SellerId,
    Guid CorrelationId,
    Guid AdjustmentId,
    string Fnsku,
    string FulfillmentCenter,
    int Quantity,
    AdjustmentReason Reason,
    string? Bin
) : IIntegrationEvent;

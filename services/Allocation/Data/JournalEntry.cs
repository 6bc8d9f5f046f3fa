namespace InventoryPlatform.Allocation.Data;

/// <summary>One movement of the stock journal, as the reconciliation export writes it.</summary>
public sealed record JournalEntry(
    Guid Id,
    string Fnsku,
    string FulfillmentCenter,
    string Bucket,
    int Quantity,
    string Reason,
    string SourceId,
    DateTime OccurredAt
);

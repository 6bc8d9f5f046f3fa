using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Application;

/// <summary>
/// What creating a shipment came to: the answer of its unit of work (the new shipment, or the replay of an earlier request with
/// the same idempotency key), or why nothing was stored.
/// </summary>
public abstract record CreateShipmentResult<TAnswer>
{
    private CreateShipmentResult() { }

    /// <summary>The unit of work committed (or replayed) and answered.</summary>
    public sealed record Answered(TAnswer Answer) : CreateShipmentResult<TAnswer>;

    /// <summary>Lines name FNSKUs the seller never registered; each error names the line's field.</summary>
    public sealed record UnknownItems(IReadOnlyList<(string Field, string Reason)> Errors) : CreateShipmentResult<TAnswer>;

    /// <summary>Limits refused the capacity the shipment needs.</summary>
    public sealed record CapacityRefused(CapacityRejected Rejection) : CreateShipmentResult<TAnswer>;

    /// <summary>Limits did not answer in time; whatever it may still reserve is released.</summary>
    public sealed record CapacityUnavailable(string Reason) : CreateShipmentResult<TAnswer>;
}

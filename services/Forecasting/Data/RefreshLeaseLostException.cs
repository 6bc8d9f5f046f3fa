namespace InventoryPlatform.Forecasting.Data;

/// <summary>
/// This replica no longer holds the refresh it was running (its heartbeat went stale and another replica claimed it, or it
/// finished elsewhere): the transaction that found out rolls back and the work stops.
/// </summary>
public sealed class RefreshLeaseLostException(Guid operationId)
    : Exception($"The lease on refresh operation {operationId} was lost to another replica.");

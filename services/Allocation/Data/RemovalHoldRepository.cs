using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

/// <summary>The per-(removal order, FC) records behind the ledger's pending-removal position.</summary>
public sealed class RemovalHoldRepository(Database database)
{
    private readonly string _createAndLock =
        database.Dialect.InsertIfAbsent(
            "allocation.removal_holds",
            ["removal_order_id", "fulfillment_center"],
            ["removal_order_id", "fulfillment_center", "seller_id", "fnsku", "held", "closed", "updated_at"]
        )
        + ";\n"
        + database.Dialect.SelectForUpdate(
            "allocation.removal_holds",
            "held, closed",
            "removal_order_id = @RemovalOrderId AND fulfillment_center = @FulfillmentCenter"
        );

    /// <summary>
    /// Locks the hold of a removal order at an FC for this transaction, creating it (nothing held, open) on the order's first
    /// event there, so the events of one order apply one after the other, in whatever order they arrive.
    /// </summary>
    public async Task<RemovalHold> LockAsync(
        UnitOfWork unit,
        Guid removalOrderId,
        string fulfillmentCenter,
        string sellerId,
        string fnsku,
        DateTime now
    )
    {
        await using var results = await unit.QueryMultipleAsync(
            _createAndLock,
            new
            {
                RemovalOrderId = removalOrderId,
                FulfillmentCenter = fulfillmentCenter,
                SellerId = sellerId,
                Fnsku = fnsku,
                Held = 0,
                Closed = false,
                UpdatedAt = now,
            }
        );
        var row = await results.ReadSingleAsync<Row>();
        return new RemovalHold(row.Held, row.Closed);
    }

    public Task SaveAsync(UnitOfWork unit, Guid removalOrderId, string fulfillmentCenter, RemovalHold hold, DateTime now) =>
        unit.ExecuteAsync(
            "UPDATE allocation.removal_holds SET held = @Held, closed = @Closed, updated_at = @Now "
                + "WHERE removal_order_id = @RemovalOrderId AND fulfillment_center = @FulfillmentCenter",
            new
            {
                hold.Held,
                hold.Closed,
                Now = now,
                RemovalOrderId = removalOrderId,
                FulfillmentCenter = fulfillmentCenter,
            }
        );

    private sealed class Row
    {
        public int Held { get; init; }
        public bool Closed { get; init; }
    }
}

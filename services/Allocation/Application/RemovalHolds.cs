using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Holds the sellable units of open removal orders (liquidation, removal to the seller, disposal) as pending removal, in the
/// caller's transaction: opening an order moves as many of its units per FC as are available (on hand less reserved and
/// already held) from available to pending removal, so orders can no longer take them; cancelling releases the hold (and the
/// units may fill backorders); the units leaving (InventoryRemoved) consume the hold first and take the rest from available.
/// Orders from unfulfillable stock hold nothing: unfulfillable units are never sellable, so there is nothing to protect.
/// Each (order, FC) has a record under lock, so a cancel or a removal arriving before the open, or a repeat, is still right.
/// </summary>
public sealed class RemovalHolds(RemovalHoldRepository holds, StockRepository stock, LedgerPosting ledger, TimeProvider time)
{
    public async Task OpenAsync(UnitOfWork unit, RemovalOrderOpened opened)
    {
        if (opened.FromUnfulfillable)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var line in Lines(opened.Lines))
        {
            var hold = await holds.LockAsync(unit, opened.RemovalOrderId, line.FulfillmentCenter, opened.SellerId, opened.Fnsku, now);
            if (hold.Closed || hold.Held > 0)
            {
                continue;
            }

            var key = new StockKey(opened.SellerId, opened.Fnsku, line.FulfillmentCenter);
            var balance = await stock.LockAsync(unit, key, now);
            var take = Math.Min(line.Quantity, Math.Max(0, balance.Available));
            if (take > 0)
            {
                var batch = new StatementBatch(unit);
                ledger.PostLocked(
                    batch,
                    key,
                    balance,
                    [new StockMovement(StockBucket.PendingRemoval, take, "RemovalHeld", $"removal:{opened.RemovalOrderId}")],
                    opened.CorrelationId
                );
                await batch.ExecuteAsync();
            }

            await holds.SaveAsync(unit, opened.RemovalOrderId, line.FulfillmentCenter, new RemovalHold(take, false), now);
        }
    }

    /// <summary>Releases the order's holds; returns whether any unit became available again.</summary>
    public async Task<bool> CancelAsync(UnitOfWork unit, RemovalOrderCancelled cancelled)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var released = false;
        foreach (var line in Lines(cancelled.Lines))
        {
            var hold = await holds.LockAsync(
                unit,
                cancelled.RemovalOrderId,
                line.FulfillmentCenter,
                cancelled.SellerId,
                cancelled.Fnsku,
                now
            );
            if (hold.Closed)
            {
                continue;
            }

            if (hold.Held > 0)
            {
                await ledger.PostAsync(
                    unit,
                    new StockKey(cancelled.SellerId, cancelled.Fnsku, line.FulfillmentCenter),
                    [new StockMovement(StockBucket.PendingRemoval, -hold.Held, "RemovalReleased", $"removal:{cancelled.RemovalOrderId}")],
                    cancelled.CorrelationId
                );
                released = true;
            }

            await holds.SaveAsync(unit, cancelled.RemovalOrderId, line.FulfillmentCenter, new RemovalHold(0, true), now);
        }

        return released;
    }

    /// <summary>
    /// Takes removed units off the ledger: from unfulfillable, or from on hand consuming the hold first. Removing more sellable
    /// units than are held and available is refused by the ledger (it never takes units promised to orders) and throws.
    /// Returns whether held units were left over and released.
    /// </summary>
    public async Task<bool> RemoveAsync(UnitOfWork unit, InventoryRemoved removed)
    {
        var key = new StockKey(removed.SellerId, removed.Fnsku, removed.FulfillmentCenter);
        var reason = $"Removed{removed.Reason}";
        var source = $"removal:{removed.RemovalOrderId}";
        if (removed.FromUnfulfillable)
        {
            await ledger.PostAsync(
                unit,
                key,
                [new StockMovement(StockBucket.Unfulfillable, -removed.Quantity, reason, source)],
                removed.CorrelationId
            );
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var hold = await holds.LockAsync(unit, removed.RemovalOrderId, removed.FulfillmentCenter, removed.SellerId, removed.Fnsku, now);
        var held = hold.Closed ? 0 : hold.Held;
        var movements = new List<StockMovement> { new(StockBucket.OnHand, -removed.Quantity, reason, source) };
        if (held > 0)
        {
            movements.Add(new StockMovement(StockBucket.PendingRemoval, -held, reason, source));
        }

        await ledger.PostAsync(unit, key, movements, removed.CorrelationId);
        await holds.SaveAsync(unit, removed.RemovalOrderId, removed.FulfillmentCenter, new RemovalHold(0, true), now);
        return held > removed.Quantity;
    }

    private static IEnumerable<RemovalLine> Lines(IReadOnlyList<RemovalLine> lines) =>
        lines
            .GroupBy(l => l.FulfillmentCenter, StringComparer.Ordinal)
            .Select(g => new RemovalLine(g.Key, g.Sum(l => l.Quantity)))
            .OrderBy(l => l.FulfillmentCenter, StringComparer.Ordinal);
}

using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Posts what a count found, in the caller's transaction (the idempotent request's): the balance locked, the adjustment of on
/// hand with its journal row, the adjustment record, <see cref="InventoryAdjusted"/> and <see cref="StockChanged"/> together.
/// </summary>
public sealed class RecordCycleCountHandler(
    StockRepository stock,
    LedgerPosting ledger,
    BackorderFiller backorders,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>
    /// The count's outcome; throws <see cref="StateConflictException"/> when the ledger refuses it (below reserved units, or a
    /// reason that contradicts the difference), and then nothing is stored.
    /// </summary>
    public async Task<CycleCountOutcome> HandleAsync(UnitOfWork unit, CycleCount count, string countedBy, Guid correlationId)
    {
        var key = new StockKey(count.SellerId, count.Fnsku, count.FulfillmentCenter);
        var now = time.GetUtcNow();
        var current = await stock.LockAsync(unit, key, now.UtcDateTime);
        var (difference, reason, refusal) = CycleCountRules.Decide(current, count.CountedUnits, count.Reason);
        if (refusal is not null)
        {
            throw new StateConflictException(refusal);
        }

        if (difference == 0)
        {
            return new CycleCountOutcome(current.OnHand, current, null);
        }

        var adjustment = new AdjustmentRecord(
            Guid.CreateVersion7(),
            count.SellerId,
            count.Fnsku,
            count.FulfillmentCenter,
            count.Bin,
            count.CountedUnits,
            current.OnHand,
            difference,
            reason,
            countedBy,
            correlationId,
            now.UtcDateTime
        );
        var batch = new StatementBatch(unit);
        var balance = ledger.PostLocked(batch, key, current, CycleCountRules.Movements(difference, reason, adjustment.Id), correlationId);
        AdjustmentRepository.Add(batch, adjustment);
        outbox.Add(
            batch,
            new InventoryAdjusted(
                Guid.CreateVersion7(),
                now,
                count.SellerId,
                correlationId,
                adjustment.Id,
                count.Fnsku,
                count.FulfillmentCenter,
                difference,
                reason,
                count.Bin
            )
        );
        await batch.ExecuteAsync();
        if (difference > 0)
        {
            // Units found are stock arriving at the FC: backordered lines are filled in this same transaction.
            await backorders.FillAsync(unit, key.SellerId, key.Fnsku, correlationId);
        }

        return new CycleCountOutcome(current.OnHand, balance, adjustment);
    }
}

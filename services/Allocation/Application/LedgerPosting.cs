using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Posts movements to one balance and publishes the balance after them as <c>StockChanged</c> through the outbox,
/// in the caller's transaction: every ledger change has its journal rows and its event, or none of them.
/// </summary>
public sealed class LedgerPosting(StockRepository stock, Outbox outbox, TimeProvider time)
{
    /// <summary>Returns the new balance, or the ledger's reason for refusing (then nothing was written).</summary>
    public async Task<(StockBalance? Balance, string? Refusal)> TryPostAsync(
        UnitOfWork unit,
        StockKey key,
        IReadOnlyCollection<StockMovement> movements,
        Guid correlationId
    )
    {
        var current = await stock.LockAsync(unit, key, time.GetUtcNow().UtcDateTime);
        var batch = new StatementBatch(unit);
        var outcome = TryPostLocked(batch, key, current, movements, correlationId);
        await batch.ExecuteAsync();
        return outcome;
    }

    /// <summary>
    /// Adds the movements to a balance this transaction holds locked, the journal rows and StockChanged to
    /// <paramref name="batch"/>; returns the new balance, or the ledger's reason for refusing (then nothing was added).
    /// </summary>
    public (StockBalance? Balance, string? Refusal) TryPostLocked(
        StatementBatch batch,
        StockKey key,
        StockBalance current,
        IReadOnlyCollection<StockMovement> movements,
        Guid correlationId
    )
    {
        var now = time.GetUtcNow();
        var (balance, refusal) = StockRepository.ApplyLocked(batch, key, current, movements, now.UtcDateTime);
        if (balance is not null)
        {
            outbox.Add(batch, StockEvents.Changed(key, balance, movements.First().Reason, correlationId, now));
        }

        return (balance, refusal);
    }

    /// <summary>As <see cref="TryPostLocked"/> for movements the caller has already checked; a refusal means a corrupt ledger and
    /// throws.</summary>
    public StockBalance PostLocked(
        StatementBatch batch,
        StockKey key,
        StockBalance current,
        IReadOnlyCollection<StockMovement> movements,
        Guid correlationId
    )
    {
        var (balance, refusal) = TryPostLocked(batch, key, current, movements, correlationId);
        return balance ?? throw new InvalidOperationException($"The ledger refused {movements.First().Reason} at {key}: {refusal}");
    }

    /// <summary>Posts movements the caller has already checked; a refusal means a corrupt input or ledger and throws.</summary>
    public async Task<StockBalance> PostAsync(
        UnitOfWork unit,
        StockKey key,
        IReadOnlyCollection<StockMovement> movements,
        Guid correlationId
    )
    {
        var (balance, refusal) = await TryPostAsync(unit, key, movements, correlationId);
        return balance ?? throw new InvalidOperationException($"The ledger refused {movements.First().Reason} at {key}: {refusal}");
    }
}

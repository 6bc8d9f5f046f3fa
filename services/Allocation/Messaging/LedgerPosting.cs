using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>
/// Posts movements to one balance and publishes the balance after them as <c>StockChanged</c> through the outbox,
/// in the caller's transaction: every ledger change has its journal rows and its event, or none of them.
/// </summary>
public sealed class LedgerPosting(StockRepository stock, Outbox outbox, TimeProvider time)
{
    /// <summary>Returns the new balance, or the ledger's reason for refusing (then nothing was written).</summary>
    public async Task<(StockBalance? Balance, string? Refusal)> TryPostAsync(
        UnitOfWork unit, StockKey key, IReadOnlyCollection<StockMovement> movements, Guid correlationId)
    {
        var now = time.GetUtcNow();
        var (balance, refusal) = await stock.ApplyAsync(unit, key, movements, now.UtcDateTime);
        if (balance is not null)
        {
            await outbox.AddAsync(unit, StockEvents.Changed(key, balance, movements.First().Reason, correlationId, now));
        }

        return (balance, refusal);
    }

    /// <summary>Posts movements to a balance this transaction holds locked, already checked by the caller; a refusal throws.</summary>
    public async Task<StockBalance> PostLockedAsync(
        UnitOfWork unit, StockKey key, StockBalance current, IReadOnlyCollection<StockMovement> movements, Guid correlationId)
    {
        var now = time.GetUtcNow();
        var (balance, refusal) = await stock.ApplyLockedAsync(unit, key, current, movements, now.UtcDateTime);
        if (balance is null)
        {
            throw new InvalidOperationException($"The ledger refused {movements.First().Reason} at {key}: {refusal}");
        }

        await outbox.AddAsync(unit, StockEvents.Changed(key, balance, movements.First().Reason, correlationId, now));
        return balance;
    }

    /// <summary>Posts movements the caller has already checked; a refusal means a corrupt input or ledger and throws.</summary>
    public async Task<StockBalance> PostAsync(UnitOfWork unit, StockKey key, IReadOnlyCollection<StockMovement> movements, Guid correlationId)
    {
        var (balance, refusal) = await TryPostAsync(unit, key, movements, correlationId);
        return balance ?? throw new InvalidOperationException($"The ledger refused {movements.First().Reason} at {key}: {refusal}");
    }
}

using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Moves stock between FCs in the caller's transaction (the idempotent request's): balances locked in (FNSKU, FC) order, ledger,
/// journal and events together.
/// </summary>
public sealed class RequestTransferHandler(
    StockRepository stock,
    LedgerPosting ledger,
    TransferRepository transfers,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>Takes the units off the source's shelf and puts them in transit to the destination; throws
    /// <see cref="StateConflictException"/> when the source has too few available.</summary>
    public async Task<TransferRecord> HandleAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        string from,
        string to,
        int quantity,
        TransferOrigin origin,
        Guid correlationId
    )
    {
        var balances = await stock.LockBalancesAsync(unit, sellerId, [fnsku], [from, to]);
        var atSource = balances.TryGetValue((fnsku, from), out var source) ? source.Available : 0;
        if (atSource < quantity)
        {
            throw new StateConflictException($"Only {atSource} units of {fnsku} are available at {from}.");
        }

        var now = time.GetUtcNow();
        var transfer = new TransferRecord(
            Guid.CreateVersion7(),
            sellerId,
            fnsku,
            from,
            to,
            quantity,
            TransferStatus.InTransit,
            origin,
            correlationId,
            now.UtcDateTime,
            null
        );
        var (outOfSource, intoDestination) = TransferRules.Requested(quantity, transfer.Id);
        foreach (var (fc, movements) in new[] { (from, outOfSource), (to, intoDestination) }.OrderBy(x => x.Item1, StringComparer.Ordinal))
        {
            await ledger.PostAsync(unit, new StockKey(sellerId, fnsku, fc), movements, correlationId);
        }

        await transfers.InsertAsync(unit, transfer);
        await outbox.AddAsync(
            unit,
            new TransferRequested(Guid.CreateVersion7(), now, sellerId, correlationId, transfer.Id, fnsku, from, to, quantity)
        );
        return transfer;
    }
}

using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Receives a transfer at its destination in one transaction: ledger, journal, StockChanged and TransferCompleted together; the
/// arrived units fill the seller's backorders of the FNSKU in the same transaction.
/// </summary>
public sealed class ReceiveTransferHandler(
    Database database,
    LedgerPosting ledger,
    TransferRepository transfers,
    Outbox outbox,
    BackorderFiller backorders,
    TimeProvider time
)
{
    /// <summary>
    /// The transfer after it arrived: in transit becomes on hand at the destination. Null when there is no such transfer; a
    /// transfer received before throws <see cref="StateConflictException"/>.
    /// </summary>
    public Task<TransferRecord?> HandleAsync(string sellerId, Guid id, Guid correlationId, CancellationToken cancellationToken) =>
        database.InTransactionAsync(unit => ReceiveAsync(unit, sellerId, id, correlationId), cancellationToken);

    private async Task<TransferRecord?> ReceiveAsync(UnitOfWork unit, string sellerId, Guid id, Guid correlationId)
    {
        var transfer = await transfers.LockAsync(unit, sellerId, id);
        if (transfer is null)
        {
            return null;
        }

        if (transfer.Status != TransferStatus.InTransit)
        {
            throw new StateConflictException("The transfer was already received.");
        }

        var now = time.GetUtcNow();
        await ledger.PostAsync(
            unit,
            new StockKey(sellerId, transfer.Fnsku, transfer.ToFulfillmentCenter),
            TransferRules.Received(transfer.Quantity, id),
            correlationId
        );
        await transfers.MarkReceivedAsync(unit, id, now.UtcDateTime);
        await backorders.FillAsync(unit, sellerId, transfer.Fnsku, correlationId);
        await outbox.AddAsync(
            unit,
            new TransferCompleted(
                Guid.CreateVersion7(),
                now,
                sellerId,
                correlationId,
                id,
                transfer.Fnsku,
                transfer.ToFulfillmentCenter,
                transfer.Quantity
            )
        );
        return transfer with { Status = TransferStatus.Received, ReceivedAt = now.UtcDateTime };
    }
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Messaging;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Liquidation.Application;

/// <summary>
/// Moves removal orders through their lifecycle. Completing one publishes <c>InventoryRemoved</c> for each FC line, in the
/// same transaction as the status change and the units leaving this service's lots: a completed order never completes again,
/// so the units leave the ledger once.
/// </summary>
public sealed class RemovalOrderHandler(
    Database database,
    RemovalOrderRepository orders,
    StockRepository stock,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>Moves the seller's order to <paramref name="to"/>; null when there is no such order.</summary>
    public Task<RemovalOrderRecord?> StepAsync(
        string sellerId,
        Guid id,
        RemovalOrderStatus to,
        string? reason,
        Guid correlationId,
        CancellationToken cancellationToken
    ) => database.InTransactionAsync(unit => StepAsync(unit, sellerId, id, to, reason, correlationId), cancellationToken);

    private async Task<RemovalOrderRecord?> StepAsync(
        UnitOfWork unit,
        string sellerId,
        Guid id,
        RemovalOrderStatus to,
        string? reason,
        Guid correlationId
    )
    {
        var order = await orders.LockAsync(unit, sellerId, id);
        if (order is null)
        {
            return null;
        }

        if (RemovalOrders.RefuseStep(order.Status, to) is { } refusal)
        {
            throw new StateConflictException(refusal);
        }

        var now = time.GetUtcNow();
        await orders.UpdateStatusAsync(unit, id, to, now.UtcDateTime, to == RemovalOrderStatus.Cancelled ? reason : null);
        if (to == RemovalOrderStatus.Completed)
        {
            // The units leave this service's lots in the same commit, so no recompute sees them after the order is done.
            var kind = order.FromUnfulfillable ? StockKind.Unfulfillable : StockKind.Sellable;
            foreach (var line in order.Lines)
            {
                await stock.ConsumeFifoAsync(unit, sellerId, order.Fnsku, line.FulfillmentCenter, kind, line.Quantity);
            }

            await outbox.AddRangeAsync(
                unit,
                order.Lines.Select(line => new InventoryRemoved(
                    Guid.CreateVersion7(),
                    now,
                    sellerId,
                    correlationId,
                    order.Id,
                    order.Fnsku,
                    line.FulfillmentCenter,
                    line.Quantity,
                    order.FromUnfulfillable,
                    RemovalOrders.ReasonOf(order.Kind)
                ))
            );
        }

        if (to == RemovalOrderStatus.Cancelled)
        {
            // Allocation releases the units it held for this order.
            await outbox.AddAsync(
                unit,
                new RemovalOrderCancelled(
                    Guid.CreateVersion7(),
                    now,
                    sellerId,
                    correlationId,
                    order.Id,
                    order.Fnsku,
                    order.FromUnfulfillable,
                    [.. order.Lines.Select(l => new RemovalLine(l.FulfillmentCenter, l.Quantity))]
                )
            );
        }

        return order with
        {
            Status = to,
            UpdatedAt = now.UtcDateTime,
            CompletedAt = to == RemovalOrderStatus.Completed ? now.UtcDateTime : order.CompletedAt,
            CancelReason = to == RemovalOrderStatus.Cancelled ? reason : order.CancelReason,
        };
    }
}

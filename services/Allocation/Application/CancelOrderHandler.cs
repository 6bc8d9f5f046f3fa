using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Cancels a fulfillment order and releases its reservations in one transaction (ledger, journal, StockChanged and OrderCancelled
/// together); the released units are stock arriving for the seller's backordered orders of those FNSKUs, which are filled, oldest
/// first, in the same transaction (<see cref="BackorderFiller"/>). Cancelling a cancelled order changes nothing.
/// </summary>
public sealed class CancelOrderHandler(
    Database database,
    LedgerPosting ledger,
    OrderRepository orders,
    BackorderFiller backorders,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>
    /// The order after the cancellation; null when there is no such order. An order whose units have shipped throws
    /// <see cref="StateConflictException"/>.
    /// </summary>
    public Task<OrderView?> HandleAsync(string sellerId, Guid id, string reason, Guid correlationId, CancellationToken cancellationToken) =>
        database.InTransactionAsync(unit => CancelAsync(unit, sellerId, id, reason, correlationId), cancellationToken);

    private async Task<OrderView?> CancelAsync(UnitOfWork unit, string sellerId, Guid id, string reason, Guid correlationId)
    {
        var order = await orders.LockAsync(unit, sellerId, id);
        if (order is null || order.Header.Status == OrderStatus.Cancelled)
        {
            return order;
        }

        if (FulfillmentOrderRules.CannotCancel(order.Header.Status) is { } why)
        {
            throw new StateConflictException(why);
        }

        var now = time.GetUtcNow();
        var released = OrderReservations.Of(order, order.Allocations.Where(a => a.ShippedAt is null)).ToList();
        foreach (var (fnsku, fc, quantity) in released)
        {
            await ledger.PostAsync(
                unit,
                new StockKey(sellerId, fnsku, fc),
                [new StockMovement(StockBucket.Reserved, -quantity, "ReservationReleased", $"order:{id}")],
                correlationId
            );
        }

        await orders.SetStatusAsync(unit, id, OrderStatus.Cancelled, reason, now.UtcDateTime);
        await outbox.AddAsync(unit, new OrderCancelled(Guid.CreateVersion7(), now, sellerId, correlationId, id, reason));
        // After the order is cancelled, so the filler never picks this order's own backorder up again.
        foreach (var fnsku in released.Select(r => r.Fnsku).Distinct(StringComparer.Ordinal))
        {
            await backorders.FillAsync(unit, sellerId, fnsku, correlationId);
        }

        return order with
        {
            Header = order.Header with { Status = OrderStatus.Cancelled, CancelReason = reason, UpdatedAt = now.UtcDateTime },
        };
    }
}

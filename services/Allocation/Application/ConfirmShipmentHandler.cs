using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Confirms that an order's units reserved at one FC left it, in one transaction: reserved and on hand go down (ledger, journal
/// and StockChanged), the allocations are marked shipped and OrderShipped goes into the outbox.
/// </summary>
public sealed class ConfirmShipmentHandler(
    Database database,
    LedgerPosting ledger,
    OrderRepository orders,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>
    /// The order after the shipment; null when there is no such order. A cancelled order, or an FC with nothing (left) to ship,
    /// throws <see cref="StateConflictException"/>.
    /// </summary>
    public Task<OrderView?> HandleAsync(
        string sellerId,
        Guid id,
        string fulfillmentCenter,
        Guid correlationId,
        CancellationToken cancellationToken
    ) => database.InTransactionAsync(unit => ShipAsync(unit, sellerId, id, fulfillmentCenter, correlationId), cancellationToken);

    private async Task<OrderView?> ShipAsync(UnitOfWork unit, string sellerId, Guid id, string fulfillmentCenter, Guid correlationId)
    {
        var order = await orders.LockAsync(unit, sellerId, id);
        if (order is null)
        {
            return null;
        }

        var atCenter = order.Allocations.Where(a => a.FulfillmentCenter == fulfillmentCenter).ToList();
        var unshipped = atCenter.Where(a => a.ShippedAt is null).ToList();
        if (
            FulfillmentOrderRules.CannotShip(order.Header.Status, unshipped.Count, atCenter.Count - unshipped.Count, fulfillmentCenter) is
            { } why
        )
        {
            throw new StateConflictException(why);
        }

        var now = time.GetUtcNow();
        foreach (var (fnsku, fc, quantity) in OrderReservations.Of(order, unshipped))
        {
            await ledger.PostAsync(
                unit,
                new StockKey(sellerId, fnsku, fc),
                [
                    new StockMovement(StockBucket.Reserved, -quantity, "Shipped", $"order:{id}"),
                    new StockMovement(StockBucket.OnHand, -quantity, "Shipped", $"order:{id}"),
                ],
                correlationId
            );
        }

        await orders.MarkShippedAsync(unit, id, fulfillmentCenter, now.UtcDateTime);
        var stillUnshipped = order.Allocations.Count(a => a.ShippedAt is null) - unshipped.Count;
        var status = FulfillmentOrderRules.StatusAfterShipment(stillUnshipped, order.Lines.Sum(l => l.Backordered));
        await orders.SetStatusAsync(unit, id, status, null, now.UtcDateTime);
        var lines = order.Lines.ToDictionary(l => l.LineNumber);
        await outbox.AddAsync(
            unit,
            new OrderShipped(
                Guid.CreateVersion7(),
                now,
                sellerId,
                correlationId,
                id,
                order.Header.Marketplace,
                fulfillmentCenter,
                order.Header.ShipToRegion,
                unshipped
                    .Select(a => new OrderLine(
                        lines[a.LineNumber].Fnsku,
                        a.Quantity,
                        new Money(lines[a.LineNumber].UnitPrice, lines[a.LineNumber].Currency)
                    ))
                    .ToList(),
                (now.UtcDateTime - order.Header.CreatedAt).TotalHours
            )
        );
        return order with
        {
            Header = order.Header with { Status = status, UpdatedAt = now.UtcDateTime },
            Allocations = order
                .Allocations.Select(a =>
                    a.FulfillmentCenter == fulfillmentCenter && a.ShippedAt is null ? a with { ShippedAt = now.UtcDateTime } : a
                )
                .ToList(),
        };
    }
}

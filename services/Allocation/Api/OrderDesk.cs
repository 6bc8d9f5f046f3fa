using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Allocation.Messaging;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Allocation.Api;

/// <summary>A new order as checked input.</summary>
public sealed record NewOrder(
    string SellerId,
    string? PartnerOrderId,
    string Marketplace,
    string ShipToRegion,
    IReadOnlyList<OrderLineRecord> Lines,
    ShortagePolicy ShortagePolicy,
    Guid CorrelationId
);

/// <summary>The order could not be filled whole and the partner asked for all or nothing; nothing was stored.</summary>
public sealed class OrderRejectedException(string detail) : Exception(detail);

/// <summary>An order's or transfer's state (or the stock) does not allow what was asked; nothing was changed.</summary>
public sealed class StateConflictException(string detail) : Exception(detail);

/// <summary>
/// Allocates, cancels and ships fulfillment orders. Each runs in the caller's transaction: the balances it touches
/// are locked in (FNSKU, FC) order, the ledger, its journal and StockChanged change through <see cref="LedgerPosting"/>
/// (a refusal there means a corrupt ledger: the balances were locked and checked first), and the events go into the outbox in the same
/// commit.
/// </summary>
public sealed class OrderDesk(
    StockRepository stock,
    LedgerPosting ledger,
    OrderRepository orders,
    Outbox outbox,
    AllocationOptions options,
    TimeProvider time
)
{
    public async Task<OrderView> AllocateAsync(UnitOfWork unit, FulfillmentNetwork network, NewOrder order)
    {
        var options = network.OptionsFor(order.Marketplace, order.ShipToRegion);
        var fnskus = order.Lines.Select(l => l.Fnsku).Distinct(StringComparer.Ordinal).ToList();
        // One round trip locks the balances in reach and reads the FNSKUs' forecast demand for the low-stock check.
        var (balances, forecasts) =
            options.Count == 0
                ? (new Dictionary<(string, string), StockBalance>(), [])
                : await stock.LockBalancesAsync<DemandRepository.DailyForecast>(
                    unit,
                    order.SellerId,
                    fnskus,
                    options.Select(o => o.FulfillmentCenter).ToList(),
                    DemandRepository.DailyForecastQuery(unit.Dialect)
                );
        var available = balances.ToDictionary(b => b.Key, b => b.Value.Available);
        var plan = AllocationPlanner.Plan(
            order.Lines.Select(l => new LineDemand(l.LineNumber, l.Fnsku, l.Quantity)).ToList(),
            options,
            available
        );
        if (!plan.IsComplete && order.ShortagePolicy == ShortagePolicy.Reject)
        {
            var missing = order
                .Lines.Where(l => plan.Backordered[l.LineNumber] > 0)
                .Select(l => $"{l.Fnsku}: {l.Quantity - plan.Backordered[l.LineNumber]} of {l.Quantity} available");
            throw new OrderRejectedException($"Not enough stock in reach of {order.ShipToRegion} ({string.Join("; ", missing)}).");
        }

        // Every write of the order goes to the database in one more round trip.
        var batch = new StatementBatch(unit);
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        foreach (
            var group in plan
                .Allocations.GroupBy(a => (a.Fnsku, a.FulfillmentCenter))
                .OrderBy(g => g.Key.Fnsku, StringComparer.Ordinal)
                .ThenBy(g => g.Key.FulfillmentCenter, StringComparer.Ordinal)
        )
        {
            var key = new StockKey(order.SellerId, group.Key.Fnsku, group.Key.FulfillmentCenter);
            ledger.PostLocked(
                batch,
                key,
                balances[group.Key],
                [new StockMovement(StockBucket.Reserved, group.Sum(a => a.Quantity), "Reserved", $"order:{id}")],
                order.CorrelationId
            );
        }

        DetectLowStock(batch, order, plan, balances, forecasts.ToDictionary(f => f.Fnsku, f => f.DailyUnits, StringComparer.Ordinal), now);
        var view = new OrderView(
            new OrderHeader(
                id,
                order.SellerId,
                order.PartnerOrderId,
                order.Marketplace,
                order.ShipToRegion,
                FulfillmentOrderRules.StatusOf(plan),
                null,
                order.CorrelationId,
                now.UtcDateTime,
                now.UtcDateTime
            ),
            order.Lines.Select(l => l with { Backordered = plan.Backordered[l.LineNumber] }).ToList(),
            plan.Allocations.Select(a => new OrderAllocationRecord(a.LineNumber, a.FulfillmentCenter, a.Quantity, null)).ToList()
        );
        OrderRepository.Insert(batch, view);
        outbox.Add(
            batch,
            new OrderAllocated(
                Guid.CreateVersion7(),
                now,
                order.SellerId,
                order.CorrelationId,
                id,
                order.Marketplace,
                order.ShipToRegion,
                plan.Allocations.Select(a => new AllocatedLine(a.Fnsku, a.FulfillmentCenter, a.Quantity)).ToList(),
                view.Lines.Where(l => l.Backordered > 0)
                    .Select(l => new OrderLine(l.Fnsku, l.Backordered, new Money(l.UnitPrice, l.Currency)))
                    .ToList()
            )
        );
        await batch.ExecuteAsync();
        return view;
    }

    /// <summary>
    /// Publishes LowStockDetected when this order's reservation took an FNSKU's available stock (at the FCs in reach of the
    /// order's region) under the configured days of forecast demand. Only FNSKUs with a forecast are checked.
    /// </summary>
    private void DetectLowStock(
        StatementBatch batch,
        NewOrder order,
        AllocationPlan plan,
        IReadOnlyDictionary<(string Fnsku, string FulfillmentCenter), StockBalance> balances,
        Dictionary<string, double> dailyForecast,
        DateTimeOffset now
    )
    {
        foreach (
            var (fnsku, units) in plan
                .Allocations.GroupBy(a => a.Fnsku, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Sum(a => a.Quantity)))
        )
        {
            if (!dailyForecast.TryGetValue(fnsku, out var rate))
            {
                continue;
            }

            var before = balances.Where(b => b.Key.Fnsku == fnsku).Sum(b => b.Value.Available);
            if (LowStock.Crossed(before, before - units, rate, options.LowStockDaysOfCover))
            {
                outbox.Add(
                    batch,
                    new LowStockDetected(
                        Guid.CreateVersion7(),
                        now,
                        order.SellerId,
                        order.CorrelationId,
                        fnsku,
                        before - units,
                        LowStock.DaysOfCover(before - units, rate)!.Value
                    )
                );
            }
        }
    }

    /// <summary>Cancels the order and releases its reservations; cancelling a cancelled order changes nothing. Null when there is no such
    /// order.</summary>
    public async Task<OrderView?> CancelAsync(UnitOfWork unit, string sellerId, Guid id, string reason, Guid correlationId)
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
        foreach (var (fnsku, fc, quantity) in Reserved(order, order.Allocations.Where(a => a.ShippedAt is null)))
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
        return order with
        {
            Header = order.Header with { Status = OrderStatus.Cancelled, CancelReason = reason, UpdatedAt = now.UtcDateTime },
        };
    }

    /// <summary>Confirms that the order's units reserved at one FC left it: reserved and on hand go down. Null when there is no such
    /// order.</summary>
    public async Task<OrderView?> ShipAsync(UnitOfWork unit, string sellerId, Guid id, string fulfillmentCenter, Guid correlationId)
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
        foreach (var (fnsku, fc, quantity) in Reserved(order, unshipped))
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
        var status = FulfillmentOrderRules.StatusAfterShipment(stillUnshipped);
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

    /// <summary>Units per (FNSKU, FC) of these allocations, in lock order.</summary>
    private static IEnumerable<(string Fnsku, string FulfillmentCenter, int Quantity)> Reserved(
        OrderView order,
        IEnumerable<OrderAllocationRecord> allocations
    )
    {
        var fnskus = order.Lines.ToDictionary(l => l.LineNumber, l => l.Fnsku);
        return allocations
            .GroupBy(a => (Fnsku: fnskus[a.LineNumber], a.FulfillmentCenter))
            .Select(g => (g.Key.Fnsku, g.Key.FulfillmentCenter, g.Sum(a => a.Quantity)))
            .OrderBy(x => x.Fnsku, StringComparer.Ordinal)
            .ThenBy(x => x.FulfillmentCenter, StringComparer.Ordinal);
    }
}

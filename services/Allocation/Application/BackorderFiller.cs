using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Fills backordered order lines when units of their FNSKU arrive (a receipt, a return restocked, a transfer's arrival, a
/// released removal hold, and any other caller that makes stock available), in the caller's transaction, right after the
/// arrival was posted. The seller's orders waiting for the FNSKU are taken oldest first; each is planned by the same
/// <see cref="AllocationPlanner"/> over the same shipping options (<see cref="FulfillmentNetwork.OptionsFor"/>) as a new order,
/// against the balances locked in (FNSKU, FC) order, so it reserves at the nearest FC in reach and never oversells. Each fill
/// reserves the units (journal, StockChanged), shrinks the line's backorder, updates the order's status (partially allocated or
/// allocated) and publishes <c>OrderAllocated</c> with the units just allocated and what is still backordered, and
/// <c>BackorderFilled</c> for partners.
/// An order that shipped part of its units is filled too: its backorder is still owed, and the units allocated now ship later.
/// </summary>
public sealed class BackorderFiller(
    NetworkRepository networks,
    StockRepository stock,
    OrderRepository orders,
    LedgerPosting ledger,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>The most orders one arrival looks at; the rest wait for the next arrival.</summary>
    public const int MaxOrdersPerArrival = 200;

    /// <summary>Fills what it can of the seller's backorders of <paramref name="fnsku"/>; returns the units it reserved.</summary>
    public async Task<int> FillAsync(UnitOfWork unit, string sellerId, string fnsku, Guid correlationId)
    {
        var waiting = await OrderRepository.BackorderedAsync(unit, sellerId, fnsku, MaxOrdersPerArrival);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var network = await networks.GetAsync(unit.CancellationToken);
        var total = 0;
        foreach (var id in waiting)
        {
            var order = await orders.LockAsync(unit, sellerId, id);
            if (order is null || !FulfillmentOrderRules.WaitsForBackorders(order.Header.Status))
            {
                continue;
            }

            total += await FillOrderAsync(unit, network, order, fnsku, correlationId);
        }

        return total;
    }

    private async Task<int> FillOrderAsync(UnitOfWork unit, FulfillmentNetwork network, OrderView order, string fnsku, Guid correlationId)
    {
        var header = order.Header;
        var options = network.OptionsFor(header.Marketplace, header.ShipToRegion);
        var demand = order
            .Lines.Where(l => l.Fnsku == fnsku && l.Backordered > 0)
            .Select(l => new LineDemand(l.LineNumber, l.Fnsku, l.Backordered))
            .ToList();
        if (options.Count == 0 || demand.Count == 0)
        {
            return 0;
        }

        var balances = await stock.LockBalancesAsync(unit, header.SellerId, [fnsku], options.Select(o => o.FulfillmentCenter).ToList());
        var plan = AllocationPlanner.Plan(demand, options, balances.ToDictionary(b => b.Key, b => b.Value.Available));
        if (plan.IsEmpty)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var batch = new StatementBatch(unit);
        foreach (
            var group in plan
                .Allocations.GroupBy(a => a.FulfillmentCenter, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
        )
        {
            ledger.PostLocked(
                batch,
                new StockKey(header.SellerId, fnsku, group.Key),
                balances[(fnsku, group.Key)],
                [new StockMovement(StockBucket.Reserved, group.Sum(a => a.Quantity), "BackorderFilled", $"order:{header.Id}")],
                correlationId
            );
        }

        var filled = plan.Allocations.Select(a => new OrderAllocationRecord(a.LineNumber, a.FulfillmentCenter, a.Quantity, null)).ToList();
        var lines = order
            .Lines.Select(l =>
                l with
                {
                    Backordered = l.Backordered - filled.Where(f => f.LineNumber == l.LineNumber).Sum(f => f.Quantity),
                }
            )
            .ToList();
        var status = FulfillmentOrderRules.StatusAfterBackorderFill(
            lines.Sum(l => l.Backordered),
            order.Allocations.Any(a => a.ShippedAt is not null)
        );
        OrderRepository.AddBackorderFill(batch, order, filled, status, now.UtcDateTime);
        outbox.Add(
            batch,
            new OrderAllocated(
                Guid.CreateVersion7(),
                now,
                header.SellerId,
                correlationId,
                header.Id,
                header.Marketplace,
                header.ShipToRegion,
                plan.Allocations.Select(a => new AllocatedLine(a.Fnsku, a.FulfillmentCenter, a.Quantity)).ToList(),
                lines
                    .Where(l => l.Backordered > 0)
                    .Select(l => new OrderLine(l.Fnsku, l.Backordered, new Money(l.UnitPrice, l.Currency)))
                    .ToList()
            )
        );
        // For partners: which backordered units of this FNSKU were filled, and how many the order still waits for.
        outbox.Add(
            batch,
            new BackorderFilled(
                Guid.CreateVersion7(),
                now,
                header.SellerId,
                correlationId,
                header.Id,
                fnsku,
                plan.Allocations.Select(a => new AllocatedLine(a.Fnsku, a.FulfillmentCenter, a.Quantity)).ToList(),
                lines.Where(l => l.Fnsku == fnsku).Sum(l => l.Backordered)
            )
        );
        await batch.ExecuteAsync();
        return filled.Sum(f => f.Quantity);
    }
}

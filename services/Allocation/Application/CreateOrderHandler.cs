using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Allocates a new fulfillment order in the caller's transaction (the idempotent request's): the balances in reach are locked
/// in (FNSKU, FC) order, the reservations change the ledger, its journal and StockChanged through <see cref="LedgerPosting"/>
/// (a refusal there means a corrupt ledger: the balances were locked and checked first), and OrderAllocated (and
/// LowStockDetected) go into the outbox in the same commit. An order that cannot be filled whole under
/// <see cref="ShortagePolicy.Reject"/> throws <see cref="OrderRejectedException"/>.
/// </summary>
public sealed class CreateOrderHandler(
    StockRepository stock,
    LedgerPosting ledger,
    Outbox outbox,
    AllocationOptions options,
    TimeProvider time
)
{
    public async Task<OrderView> HandleAsync(UnitOfWork unit, FulfillmentNetwork network, NewOrder order)
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
}

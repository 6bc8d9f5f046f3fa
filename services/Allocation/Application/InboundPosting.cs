using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Posts the inbound position of shipments in the caller's transaction: shipped raises inbound by the expected units, a scan
/// moves units from inbound to on hand (or unfulfillable; units beyond the ASN just arrive), close and cancel clear what never
/// came. Each event changes the shipment's record first, under its lock, and the ledger then moves by the difference of
/// <see cref="InboundRules.Outstanding"/> before and after, so the result does not depend on the order of the events.
/// </summary>
public sealed class InboundPosting(InboundShipmentRepository shipments, LedgerPosting ledger, TimeProvider time)
{
    public Task ShippedAsync(UnitOfWork unit, InboundShipmentShipped shipped) =>
        ChangeAsync(
            unit,
            shipped.ShipmentId,
            shipped.SellerId,
            shipped.FulfillmentCenter,
            shipped.CorrelationId,
            "InboundShipped",
            state =>
            {
                var lines = new Dictionary<string, InboundLineState>(state.Lines, StringComparer.Ordinal);
                foreach (var line in shipped.Lines.GroupBy(l => l.Fnsku, StringComparer.Ordinal))
                {
                    var receivedSoFar = lines.GetValueOrDefault(line.Key)?.Received ?? 0;
                    lines[line.Key] = new InboundLineState(line.Sum(l => l.ExpectedUnits), receivedSoFar);
                }

                var changed = shipped.Lines.Select(l => l.Fnsku).Distinct(StringComparer.Ordinal).ToList();
                return (state with { Shipped = true, Lines = lines }, changed);
            },
            arrived: null
        );

    /// <summary>Posts a scan; returns whether sellable units arrived (then backorders may be filled).</summary>
    public async Task<bool> ReceivedAsync(UnitOfWork unit, UnitsReceived received)
    {
        var bucket = received.Condition == UnitCondition.Sellable ? StockBucket.OnHand : StockBucket.Unfulfillable;
        var reason = received.Condition == UnitCondition.Sellable ? "Received" : "ReceivedDamaged";
        await ChangeAsync(
            unit,
            received.ShipmentId,
            received.SellerId,
            received.FulfillmentCenter,
            received.CorrelationId,
            reason,
            state =>
            {
                var lines = new Dictionary<string, InboundLineState>(state.Lines, StringComparer.Ordinal);
                var line = lines.GetValueOrDefault(received.Fnsku) ?? new InboundLineState(0, 0);
                lines[received.Fnsku] = line with { Received = line.Received + received.Quantity };
                return (state with { Lines = lines }, [received.Fnsku]);
            },
            arrived: (received.Fnsku, new StockMovement(bucket, received.Quantity, reason, $"shipment:{received.ShipmentId}"))
        );
        return bucket == StockBucket.OnHand && received.Quantity > 0;
    }

    /// <summary>The shipment was closed or cancelled: whatever is still counted inbound for it is cleared.</summary>
    public Task ClearAsync(
        UnitOfWork unit,
        Guid shipmentId,
        string sellerId,
        string fulfillmentCenter,
        Guid correlationId,
        string reason
    ) =>
        ChangeAsync(
            unit,
            shipmentId,
            sellerId,
            fulfillmentCenter,
            correlationId,
            reason,
            state => (state with { Closed = true }, state.Lines.Keys.ToList()),
            arrived: null
        );

    private async Task ChangeAsync(
        UnitOfWork unit,
        Guid shipmentId,
        string sellerId,
        string fulfillmentCenter,
        Guid correlationId,
        string reason,
        Func<InboundShipmentState, (InboundShipmentState State, IReadOnlyList<string> Changed)> change,
        (string Fnsku, StockMovement Movement)? arrived
    )
    {
        var now = time.GetUtcNow().UtcDateTime;
        var before = await shipments.LockAsync(unit, shipmentId, sellerId, fulfillmentCenter, now);
        var (after, changed) = change(before);
        await shipments.SaveAsync(unit, after, changed, now);

        // Balances are locked in FNSKU order, as everywhere, so two events never deadlock on them.
        foreach (var fnsku in changed.Order(StringComparer.Ordinal))
        {
            var delta = Outstanding(after, fnsku) - Outstanding(before, fnsku);
            var movements = new List<StockMovement>();
            if (arrived is { } units && units.Fnsku == fnsku)
            {
                movements.Add(units.Movement);
            }

            if (delta != 0)
            {
                movements.Add(new StockMovement(StockBucket.Inbound, delta, reason, $"shipment:{shipmentId}"));
            }

            if (movements.Count > 0)
            {
                await ledger.PostAsync(unit, new StockKey(before.SellerId, fnsku, before.FulfillmentCenter), movements, correlationId);
            }
        }
    }

    private static int Outstanding(InboundShipmentState state, string fnsku) =>
        state.Lines.TryGetValue(fnsku, out var line)
            ? InboundRules.Outstanding(state.Shipped, state.Closed, line.Expected, line.Received)
            : 0;
}

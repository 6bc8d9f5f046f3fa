using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

/// <summary>The per-shipment records behind the ledger's inbound position (see <see cref="Domain.InboundRules"/>).</summary>
public sealed class InboundShipmentRepository(Database database)
{
    private readonly string _createAndLock =
        database.Dialect.InsertIfAbsent(
            "allocation.inbound_shipments",
            ["shipment_id"],
            ["shipment_id", "seller_id", "fulfillment_center", "shipped", "closed", "updated_at"]
        )
        + ";\n"
        + database.Dialect.SelectForUpdate(
            "allocation.inbound_shipments",
            "shipment_id, seller_id, fulfillment_center, shipped, closed",
            "shipment_id = @ShipmentId"
        )
        + ";\nSELECT fnsku, expected, received FROM allocation.inbound_shipment_lines WHERE shipment_id = @ShipmentId";

    private readonly string _saveLine = database.Dialect.Upsert(
        "allocation.inbound_shipment_lines",
        ["shipment_id", "fnsku"],
        ["shipment_id", "fnsku", "expected", "received"],
        ["expected", "received"]
    );

    /// <summary>
    /// Locks the shipment's record for this transaction (creating it, neither shipped nor closed, on its first event), so the
    /// events of one shipment apply one after the other.
    /// </summary>
    public async Task<InboundShipmentState> LockAsync(
        UnitOfWork unit,
        Guid shipmentId,
        string sellerId,
        string fulfillmentCenter,
        DateTime now
    )
    {
        await using var results = await unit.QueryMultipleAsync(
            _createAndLock,
            new
            {
                ShipmentId = shipmentId,
                SellerId = sellerId,
                FulfillmentCenter = fulfillmentCenter,
                Shipped = false,
                Closed = false,
                UpdatedAt = now,
            }
        );
        var header = await results.ReadSingleAsync<HeaderRow>();
        var lines = (await results.ReadAsync<LineRow>()).ToDictionary(
            l => l.Fnsku,
            l => new InboundLineState(l.Expected, l.Received),
            StringComparer.Ordinal
        );
        return new InboundShipmentState(header.ShipmentId, header.SellerId, header.FulfillmentCenter, header.Shipped, header.Closed, lines);
    }

    /// <summary>Saves the shipment's state and the given lines (the caller holds the record locked).</summary>
    public async Task SaveAsync(UnitOfWork unit, InboundShipmentState state, IEnumerable<string> changedFnskus, DateTime now)
    {
        var batch = new StatementBatch(unit);
        batch.Add(
            "UPDATE allocation.inbound_shipments SET shipped = @Shipped, closed = @Closed, updated_at = @Now "
                + "WHERE shipment_id = @ShipmentId",
            new
            {
                state.Shipped,
                state.Closed,
                Now = now,
                state.ShipmentId,
            }
        );
        batch.AddEach(
            _saveLine,
            changedFnskus.Select(f => new
            {
                state.ShipmentId,
                Fnsku = f,
                state.Lines[f].Expected,
                state.Lines[f].Received,
            })
        );
        await batch.ExecuteAsync();
    }

    private sealed class HeaderRow
    {
        public Guid ShipmentId { get; init; }
        public string SellerId { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public bool Shipped { get; init; }
        public bool Closed { get; init; }
    }

    private sealed class LineRow
    {
        public string Fnsku { get; init; } = "";
        public int Expected { get; init; }
        public int Received { get; init; }
    }
}

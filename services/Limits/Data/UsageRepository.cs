using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Data;

/// <summary>
/// What a seller occupies: units in stock (on hand and unfulfillable, at each item's unit volume) and capacity held for
/// inbound shipments (reserved less already received). Fed by ItemRegistered, StockChanged, UnitsReceived and the reservations.
/// </summary>
public sealed class UsageRepository(Database database)
{
    public const string Open = "open";
    public const string Released = "released";
    public const string Closed = "closed";

    private const string StockVolumeSql =
        "SELECT i.storage_type, SUM((s.on_hand + s.unfulfillable) * i.unit_cubic_feet) AS cubic_feet FROM limits.stock s "
        + "JOIN limits.items i ON i.seller_id = s.seller_id AND i.fnsku = s.fnsku WHERE s.seller_id = @SellerId GROUP BY i.storage_type";

    private const string InboundVolumeSql =
        "SELECT v.storage_type, SUM(CASE WHEN v.reserved_cubic_feet > v.received_cubic_feet THEN v.reserved_cubic_feet - "
        + "v.received_cubic_feet ELSE 0 END) AS cubic_feet "
        + "FROM limits.reservation_volumes v JOIN limits.reservations r ON r.shipment_id = v.shipment_id "
        + "WHERE r.seller_id = @SellerId AND r.status = 'open' GROUP BY v.storage_type";

    private readonly string _upsertItem = database.Dialect.Upsert(
        "limits.items",
        ["seller_id", "fnsku"],
        ["seller_id", "fnsku", "storage_type", "unit_cubic_feet", "registered_at"],
        ["storage_type", "unit_cubic_feet"]
    );

    // In one round trip: locks the FNSKU (its lock row, created if absent), creates the (seller, FNSKU, FC) row if absent,
    // and reads every FC row of the FNSKU. The day's snapshot sums them, so two FCs' changes must not interleave — not
    // even the first two, whose FC rows do not exist yet for the other to wait on.
    private readonly string _createAndLockStock =
        database.Dialect.InsertIfAbsent("limits.stock_locks", ["seller_id", "fnsku"], ["seller_id", "fnsku"])
        + ";\n"
        + database.Dialect.SelectForUpdate("limits.stock_locks", "fnsku", "seller_id = @SellerId AND fnsku = @Fnsku")
        + ";\n"
        + database.Dialect.InsertIfAbsent(
            "limits.stock",
            ["seller_id", "fnsku", "fulfillment_center"],
            ["seller_id", "fnsku", "fulfillment_center", "on_hand", "available", "unfulfillable", "version", "updated_at"]
        )
        + ";\n"
        + database.Dialect.SelectForUpdate(
            "limits.stock",
            "fulfillment_center, on_hand, available, version",
            "seller_id = @SellerId AND fnsku = @Fnsku ORDER BY fulfillment_center"
        );

    private readonly string _upsertStockDay = database.Dialect.Upsert(
        "limits.stock_days",
        ["seller_id", "fnsku", "day"],
        ["seller_id", "fnsku", "day", "on_hand", "available"],
        ["on_hand", "available"]
    );

    private readonly string _createReservation = database.Dialect.InsertIfAbsent(
        "limits.reservations",
        ["shipment_id"],
        ["shipment_id", "reservation_id", "seller_id", "fulfillment_center", "status", "created_at"]
    );

    private readonly string _createEndedReservation = database.Dialect.InsertIfAbsent(
        "limits.reservations",
        ["shipment_id"],
        ["shipment_id", "reservation_id", "seller_id", "fulfillment_center", "status", "created_at", "ended_at"]
    );

    public Task SaveItemAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        StorageType storageType,
        decimal unitCubicFeet,
        DateTime registeredAt
    ) =>
        unit.ExecuteAsync(
            _upsertItem,
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                StorageType = storageType.ToString(),
                UnitCubicFeet = unitCubicFeet,
                RegisteredAt = registeredAt,
            }
        );

    /// <summary>
    /// Keeps the newest balance of a (seller, FNSKU, FC) and the day's snapshot of the FNSKU over all FCs.
    /// An older version arriving late changes nothing. Locks the FNSKU and reads its FC rows now (one round trip) and
    /// adds the two writes to <paramref name="writes"/>: send them before the next change of the same FNSKU, whose
    /// snapshot must see them. True when the change is newer than the FC's stored balance.
    /// </summary>
    public async Task<bool> ApplyStockAsync(StatementBatch writes, StockChanged changed)
    {
        var unit = writes.Unit;
        var occurredAt = changed.OccurredAt.UtcDateTime;
        List<StockRow> rows;
        await using (
            var results = await unit.QueryMultipleAsync(
                _createAndLockStock,
                new
                {
                    changed.SellerId,
                    changed.Fnsku,
                    changed.FulfillmentCenter,
                    OnHand = 0,
                    Available = 0,
                    Unfulfillable = 0,
                    Version = -1L,
                    UpdatedAt = occurredAt,
                }
            )
        )
        {
            await results.ReadAsync<string>();
            rows = (await results.ReadAsync<StockRow>()).ToList();
        }

        var held = rows.Single(r => r.FulfillmentCenter == changed.FulfillmentCenter);
        if (held.Version >= changed.Version)
        {
            return false;
        }

        var available = changed.OnHand - changed.Reserved;
        var others = rows.Where(r => r.FulfillmentCenter != changed.FulfillmentCenter).ToList();
        writes.Add(
            "UPDATE limits.stock SET on_hand = @OnHand, available = @Available, unfulfillable = @Unfulfillable, version = @Version, "
                + "updated_at = @UpdatedAt "
                + "WHERE seller_id = @SellerId AND fnsku = @Fnsku AND fulfillment_center = @FulfillmentCenter",
            new
            {
                changed.SellerId,
                changed.Fnsku,
                changed.FulfillmentCenter,
                changed.OnHand,
                Available = available,
                changed.Unfulfillable,
                changed.Version,
                UpdatedAt = occurredAt,
            }
        );
        // The snapshot sums the FC rows as they stand after this change: the others as locked, this one as written.
        writes.Add(
            _upsertStockDay,
            new
            {
                changed.SellerId,
                changed.Fnsku,
                Day = Dates.Day(changed.OccurredAt),
                OnHand = others.Sum(r => r.OnHand) + changed.OnHand,
                Available = others.Sum(r => r.Available) + available,
            }
        );
        return true;
    }

    /// <summary>The seller's stored volume and the volume still inbound under open reservations, per storage type.</summary>
    public async Task<(VolumeByType Stored, VolumeByType Inbound)> UsageAsync(UnitOfWork unit, string sellerId)
    {
        var stored = ToVolumes(await unit.QueryAsync<TypeVolume>(StockVolumeSql, new { SellerId = sellerId }));
        var inbound = ToVolumes(await unit.QueryAsync<TypeVolume>(InboundVolumeSql, new { SellerId = sellerId }));
        return (stored, inbound);
    }

    public Task<(VolumeByType Stored, VolumeByType Inbound)> UsageAsync(string sellerId, CancellationToken cancellationToken) =>
        database.InTransactionAsync(unit => UsageAsync(unit, sellerId), cancellationToken);

    public async Task<(Guid ReservationId, string Status)?> FindReservationAsync(UnitOfWork unit, Guid shipmentId)
    {
        var row = await unit.QuerySingleOrDefaultAsync<ReservationRow>(
            "SELECT shipment_id, reservation_id, seller_id, fulfillment_center, status, created_at, ended_at FROM limits.reservations "
                + "WHERE shipment_id = @ShipmentId",
            new { ShipmentId = shipmentId }
        );
        return row is null ? null : (row.ReservationId, row.Status);
    }

    public async Task AddReservationAsync(UnitOfWork unit, ReserveCapacity request, Guid reservationId, DateTime now)
    {
        await unit.ExecuteAsync(
            _createReservation,
            new
            {
                request.ShipmentId,
                ReservationId = reservationId,
                request.SellerId,
                request.FulfillmentCenter,
                Status = Open,
                CreatedAt = now,
            }
        );
        await unit.ExecuteAsync(
            "INSERT INTO limits.reservation_volumes (shipment_id, storage_type, reserved_cubic_feet, received_cubic_feet) VALUES "
                + "(@ShipmentId, @StorageType, @CubicFeet, 0)",
            request
                .Volumes.GroupBy(v => v.StorageType)
                .Select(g => new
                {
                    request.ShipmentId,
                    StorageType = g.Key.ToString(),
                    CubicFeet = g.Sum(v => v.CubicFeet),
                })
        );
    }

    /// <summary>Ends an open reservation (released on cancel, closed when the shipment is closed); false when none was open.</summary>
    public async Task<bool> EndReservationAsync(UnitOfWork unit, string sellerId, Guid shipmentId, string status, DateTime at) =>
        await unit.ExecuteAsync(
            "UPDATE limits.reservations SET status = @Status, ended_at = @At WHERE shipment_id = @ShipmentId AND seller_id = @SellerId AND "
                + "status = 'open'",
            new
            {
                ShipmentId = shipmentId,
                SellerId = sellerId,
                Status = status,
                At = at,
            }
        ) == 1;

    /// <summary>A release that arrived before any reservation of its shipment: kept, so a late request for it holds nothing.</summary>
    public Task RecordReleasedAsync(UnitOfWork unit, CapacityReleased released) =>
        unit.ExecuteAsync(
            _createEndedReservation,
            new
            {
                released.ShipmentId,
                ReservationId = Guid.CreateVersion7(),
                released.SellerId,
                FulfillmentCenter = released.FulfillmentCenter ?? "",
                Status = Released,
                CreatedAt = released.OccurredAt.UtcDateTime,
                EndedAt = released.OccurredAt.UtcDateTime,
            }
        );

    /// <summary>Units of a shipment arrived: that much of its reservation is now stock and stops counting as inbound.</summary>
    public async Task ReceiveAsync(UnitOfWork unit, string sellerId, Guid shipmentId, string fnsku, int quantity)
    {
        var item = await unit.QuerySingleOrDefaultAsync<ItemRow>(
            "SELECT storage_type, unit_cubic_feet FROM limits.items WHERE seller_id = @SellerId AND fnsku = @Fnsku",
            new { SellerId = sellerId, Fnsku = fnsku }
        );
        if (item is null)
        {
            return;
        }

        await unit.ExecuteAsync(
            "UPDATE limits.reservation_volumes SET received_cubic_feet = received_cubic_feet + @CubicFeet "
                + "WHERE shipment_id = @ShipmentId AND storage_type = @StorageType "
                + "AND EXISTS (SELECT 1 FROM limits.reservations r WHERE r.shipment_id = @ShipmentId AND r.seller_id = @SellerId)",
            new
            {
                ShipmentId = shipmentId,
                SellerId = sellerId,
                item.StorageType,
                CubicFeet = Math.Round(quantity * item.UnitCubicFeet, 4),
            }
        );
    }

    public async Task<IReadOnlyList<ReservationView>> ListReservationsAsync(
        string sellerId,
        bool openOnly,
        CancellationToken cancellationToken
    )
    {
        var status = openOnly ? "AND r.status = 'open' " : "";
        var rows = (
            await database.QueryAsync<ReservationRow>(
                "SELECT shipment_id, reservation_id, seller_id, fulfillment_center, status, created_at, ended_at FROM limits.reservations "
                    + "r "
                    + $"WHERE r.seller_id = @SellerId {status}ORDER BY r.created_at DESC",
                new { SellerId = sellerId },
                cancellationToken
            )
        )
            .Take(500)
            .ToList();
        var volumes = (
            await database.QueryAsync<VolumeRow>(
                "SELECT v.shipment_id, v.storage_type, v.reserved_cubic_feet, v.received_cubic_feet FROM limits.reservation_volumes v "
                    + $"JOIN limits.reservations r ON r.shipment_id = v.shipment_id WHERE r.seller_id = @SellerId {status}",
                new { SellerId = sellerId },
                cancellationToken
            )
        ).ToLookup(v => v.ShipmentId);
        return rows.Select(r => new ReservationView(
                r.ShipmentId,
                r.ReservationId,
                r.FulfillmentCenter,
                r.Status,
                r.CreatedAt,
                r.EndedAt,
                volumes[r.ShipmentId]
                    .Select(v => new ReservedVolume(
                        Enum.Parse<StorageType>(v.StorageType),
                        v.ReservedCubicFeet,
                        v.ReceivedCubicFeet,
                        CapacityDecision.Outstanding(v.ReservedCubicFeet, v.ReceivedCubicFeet)
                    ))
                    .OrderBy(v => v.StorageType)
                    .ToList()
            ))
            .ToList();
    }

    private static VolumeByType ToVolumes(IEnumerable<TypeVolume> rows)
    {
        var volumes = new VolumeByType();
        foreach (var row in rows)
        {
            volumes.Add(Enum.Parse<StorageType>(row.StorageType), row.CubicFeet ?? 0);
        }

        return volumes;
    }

    private sealed class TypeVolume
    {
        public string StorageType { get; init; } = "";
        public decimal? CubicFeet { get; init; }
    }

    private sealed class StockRow
    {
        public string FulfillmentCenter { get; init; } = "";
        public long OnHand { get; init; }
        public long Available { get; init; }
        public long Version { get; init; }
    }

    private sealed class ItemRow
    {
        public string StorageType { get; init; } = "";
        public decimal UnitCubicFeet { get; init; }
    }

    private sealed class ReservationRow
    {
        public Guid ShipmentId { get; init; }
        public Guid ReservationId { get; init; }
        public string SellerId { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? EndedAt { get; init; }
    }

    private sealed class VolumeRow
    {
        public Guid ShipmentId { get; init; }
        public string StorageType { get; init; } = "";
        public decimal ReservedCubicFeet { get; init; }
        public decimal ReceivedCubicFeet { get; init; }
    }
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Data;

public sealed class ShipmentRepository(Database database)
{
    private const string HeaderColumns = "id, seller_id, fulfillment_center, status, created_at, updated_at";

    private const string SelectHeader = HeaderColumns + ", shipped_at, closed_at, cancelled_at";

    private readonly string _lockHeader = database.Dialect.SelectForUpdate(
        "receiving.shipments",
        SelectHeader,
        "id = @Id AND seller_id = @SellerId"
    );

    private readonly string _insertUnit = database.Dialect.InsertIfAbsent(
        "receiving.units",
        ["unit_id"],
        ["unit_id", "seller_id", "shipment_id", "fnsku", "fulfillment_center", "condition", "scanned_at"]
    );

    public async Task CreateAsync(UnitOfWork unit, ShipmentHeader header, IEnumerable<ShipmentLine> lines)
    {
        await unit.ExecuteAsync(
            $"INSERT INTO receiving.shipments ({HeaderColumns}) VALUES (@Id, @SellerId, @FulfillmentCenter, @Status, @CreatedAt, "
                + "@UpdatedAt)",
            new
            {
                header.Id,
                header.SellerId,
                header.FulfillmentCenter,
                Status = header.Status.ToString(),
                header.CreatedAt,
                header.UpdatedAt,
            }
        );
        await unit.ExecuteAsync(
            "INSERT INTO receiving.shipment_lines (shipment_id, fnsku, expected_units, case_pack, received_sellable, received_damaged) "
                + "VALUES (@ShipmentId, @Fnsku, @ExpectedUnits, @CasePack, 0, 0)",
            lines.Select(l => new
            {
                ShipmentId = header.Id,
                l.Fnsku,
                l.ExpectedUnits,
                l.CasePack,
            })
        );
    }

    public async Task<ShipmentView?> GetAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        await database.ReadAsync(
            async (connection, token) =>
            {
                var header = await Dapper.SqlMapper.QuerySingleOrDefaultAsync<HeaderRow>(
                    connection,
                    new Dapper.CommandDefinition(
                        $"SELECT {SelectHeader} FROM receiving.shipments WHERE id = @Id AND seller_id = @SellerId",
                        new { Id = id, SellerId = sellerId },
                        cancellationToken: token
                    )
                );
                if (header is null)
                {
                    return null;
                }

                var lines = await Dapper.SqlMapper.QueryAsync<LineRow>(
                    connection,
                    new Dapper.CommandDefinition(
                        "SELECT fnsku, expected_units, case_pack, received_sellable, received_damaged FROM receiving.shipment_lines WHERE "
                            + "shipment_id = @Id ORDER BY fnsku",
                        new { Id = id },
                        cancellationToken: token
                    )
                );
                return new ShipmentView(header.ToHeader(), lines.Select(l => l.ToLine()).ToList());
            },
            cancellationToken
        );

    public async Task<IReadOnlyList<ShipmentHeader>> ListAsync(string sellerId, int limit, Guid? after, CancellationToken cancellationToken)
    {
        var sql = database.Dialect.SelectTop(
            "receiving.shipments",
            SelectHeader,
            "seller_id = @SellerId AND (@After IS NULL OR id > @After)",
            "id"
        );
        var rows = await database.QueryAsync<HeaderRow>(
            sql,
            new
            {
                SellerId = sellerId,
                After = after,
                limit,
            },
            cancellationToken
        );
        return rows.Select(r => r.ToHeader()).ToList();
    }

    /// <summary>Locks the shipment row so scans and close of one shipment happen one after the other.</summary>
    public async Task<(ShipmentHeader Header, IReadOnlyList<ShipmentLine> Lines)?> LockAsync(UnitOfWork unit, string sellerId, Guid id)
    {
        var header = await unit.QuerySingleOrDefaultAsync<HeaderRow>(_lockHeader, new { Id = id, SellerId = sellerId });
        if (header is null)
        {
            return null;
        }

        var lines = await unit.QueryAsync<LineRow>(
            "SELECT fnsku, expected_units, case_pack, received_sellable, received_damaged FROM receiving.shipment_lines WHERE shipment_id "
                + "= @Id",
            new { Id = id }
        );
        return (header.ToHeader(), lines.Select(l => l.ToLine()).ToList());
    }

    /// <summary>Records a unit the first time its id is scanned anywhere in the network; false when it was already known.</summary>
    public async Task<bool> TryRecordUnitAsync(UnitOfWork unit, string sellerId, UnitRecord record) =>
        await unit.ExecuteAsync(
            _insertUnit,
            new
            {
                record.UnitId,
                SellerId = sellerId,
                record.ShipmentId,
                record.Fnsku,
                record.FulfillmentCenter,
                Condition = record.Condition.ToString(),
                record.ScannedAt,
            }
        ) == 1;

    /// <summary>
    /// Records the units of a batch that are not known yet in a few statements (find the known ones, insert the
    /// rest in multi-row inserts) and returns the ids recorded; a unit id twice in the batch is recorded once.
    /// Fails with a unique violation if a scan into another shipment recorded one of the ids in between; the caller
    /// then falls back to <see cref="TryRecordUnitAsync"/> per unit.
    /// </summary>
    public async Task<IReadOnlySet<string>> RecordNewUnitsAsync(UnitOfWork unit, string sellerId, IReadOnlyList<UnitRecord> records)
    {
        var ids = records.Select(r => r.UnitId).Distinct(StringComparer.Ordinal).ToArray();
        var known = (
            await unit.QueryAsync<string>(
                $"SELECT unit_id FROM receiving.units WHERE {database.Dialect.InList("unit_id", "UnitIds")}",
                new { UnitIds = ids }
            )
        ).ToHashSet(StringComparer.Ordinal);
        var fresh = records.Where(r => !known.Contains(r.UnitId)).DistinctBy(r => r.UnitId, StringComparer.Ordinal).ToList();
        foreach (var chunk in fresh.Chunk(200))
        {
            var parameters = new Dapper.DynamicParameters();
            var values = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add($"UnitId{i}", chunk[i].UnitId);
                parameters.Add($"Fnsku{i}", chunk[i].Fnsku);
                parameters.Add($"Condition{i}", chunk[i].Condition.ToString());
                parameters.Add($"ScannedAt{i}", chunk[i].ScannedAt);
                values.Add($"(@UnitId{i}, @SellerId, @ShipmentId, @Fnsku{i}, @FulfillmentCenter, @Condition{i}, @ScannedAt{i})");
            }

            parameters.Add("SellerId", sellerId);
            parameters.Add("ShipmentId", chunk[0].ShipmentId);
            parameters.Add("FulfillmentCenter", chunk[0].FulfillmentCenter);
            await unit.ExecuteAsync(
                "INSERT INTO receiving.units (unit_id, seller_id, shipment_id, fnsku, fulfillment_center, condition, scanned_at) VALUES "
                    + string.Join(", ", values),
                parameters
            );
        }

        return fresh.Select(r => r.UnitId).ToHashSet(StringComparer.Ordinal);
    }

    public Task AddReceivedAsync(UnitOfWork unit, Guid shipmentId, string fnsku, int sellable, int damaged) =>
        unit.ExecuteAsync(
            "UPDATE receiving.shipment_lines SET received_sellable = received_sellable + @Sellable, received_damaged = received_damaged + "
                + "@Damaged "
                + "WHERE shipment_id = @ShipmentId AND fnsku = @Fnsku",
            new
            {
                ShipmentId = shipmentId,
                Fnsku = fnsku,
                Sellable = sellable,
                Damaged = damaged,
            }
        );

    /// <summary>Moves the shipment to <paramref name="status"/>, stamping when it shipped, closed or was cancelled.</summary>
    public Task SetStatusAsync(UnitOfWork unit, Guid shipmentId, ShipmentStatus status, DateTime now)
    {
        var stamp = status switch
        {
            ShipmentStatus.InTransit => ", shipped_at = @Now",
            ShipmentStatus.Closed => ", closed_at = @Now",
            ShipmentStatus.Cancelled => ", cancelled_at = @Now",
            _ => "",
        };
        return unit.ExecuteAsync(
            $"UPDATE receiving.shipments SET status = @Status, updated_at = @Now{stamp} WHERE id = @Id",
            new
            {
                Id = shipmentId,
                Status = status.ToString(),
                Now = now,
            }
        );
    }

    public async Task<(UnitRecord Unit, string? BinId)?> FindUnitAsync(
        string sellerId,
        string unitId,
        CancellationToken cancellationToken
    ) =>
        await database.QuerySingleOrDefaultAsync<UnitRow>(
            "SELECT unit_id, shipment_id, fnsku, fulfillment_center, condition, scanned_at, bin_id FROM receiving.units WHERE unit_id = "
                + "@UnitId AND seller_id = @SellerId",
            new { UnitId = unitId, SellerId = sellerId },
            cancellationToken
        )
            is { } row
            ? (
                new UnitRecord(
                    row.UnitId,
                    row.ShipmentId,
                    row.Fnsku,
                    row.FulfillmentCenter,
                    Enum.Parse<UnitCondition>(row.Condition),
                    row.ScannedAt
                ),
                row.BinId
            )
            : null;

    private sealed class UnitRow
    {
        public string UnitId { get; init; } = "";
        public Guid ShipmentId { get; init; }
        public string Fnsku { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public string Condition { get; init; } = "";
        public DateTime ScannedAt { get; init; }
        public string? BinId { get; init; }
    }

    private sealed class HeaderRow
    {
        public Guid Id { get; init; }
        public string SellerId { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public DateTime? ShippedAt { get; init; }

        public DateTime? ClosedAt { get; init; }

        public DateTime? CancelledAt { get; init; }

        public ShipmentHeader ToHeader() =>
            new(Id, SellerId, FulfillmentCenter, Enum.Parse<ShipmentStatus>(Status), CreatedAt, UpdatedAt)
            {
                ShippedAt = ShippedAt,
                ClosedAt = ClosedAt,
                CancelledAt = CancelledAt,
            };
    }

    private sealed class LineRow
    {
        public string Fnsku { get; init; } = "";
        public int ExpectedUnits { get; init; }
        public int? CasePack { get; init; }
        public int ReceivedSellable { get; init; }
        public int ReceivedDamaged { get; init; }

        public ShipmentLine ToLine() => new(Fnsku, ExpectedUnits, CasePack, ReceivedSellable, ReceivedDamaged);
    }
}

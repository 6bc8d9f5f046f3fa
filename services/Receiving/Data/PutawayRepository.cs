using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Data;

/// <summary>Bins per FC, the sales velocity putaway ranks by, and the bin each unit was put in.</summary>
public sealed class PutawayRepository(Database database)
{
    private const string BinColumns = "bin_id, zone, pick_face_distance_m, capacity_cubic_feet, used_cubic_feet";

    private readonly string _upsertBin = database.Dialect.Upsert(
        "receiving.bins",
        ["fulfillment_center", "bin_id"],
        ["fulfillment_center", "bin_id", "zone", "pick_face_distance_m", "capacity_cubic_feet", "updated_at"],
        ["zone", "pick_face_distance_m", "capacity_cubic_feet", "updated_at"]
    );

    private readonly string _unitsInBins = database.Dialect.SelectTop(
        "receiving.units u JOIN receiving.bins b ON b.fulfillment_center = u.fulfillment_center AND b.bin_id = u.bin_id",
        "u.unit_id, u.bin_id",
        "u.seller_id = @SellerId AND u.fnsku = @Fnsku AND u.fulfillment_center = @FulfillmentCenter AND u.bin_released_at IS NULL",
        "CASE WHEN u.bin_id = @PreferredBin THEN 0 ELSE 1 END, b.pick_face_distance_m, u.bin_id, u.scanned_at, u.unit_id"
    );

    private readonly string _insertSaleDay = database.Dialect.InsertIfAbsent(
        "receiving.sales_velocity",
        ["fnsku", "fulfillment_center", "day"],
        ["fnsku", "fulfillment_center", "day", "units"]
    );

    /// <summary>Adds or reconfigures bins; the volume already stowed in a bin stays.</summary>
    public Task UpsertBinsAsync(UnitOfWork unit, string fulfillmentCenter, IEnumerable<BinSpace> bins, DateTime now) =>
        unit.ExecuteAsync(
            _upsertBin,
            bins.Select(b => new
            {
                FulfillmentCenter = fulfillmentCenter,
                b.BinId,
                b.Zone,
                PickFaceDistanceM = b.PickFaceDistanceMeters,
                b.CapacityCubicFeet,
                UpdatedAt = now,
            })
        );

    public async Task<IReadOnlyList<BinSpace>> ListBinsAsync(
        string fulfillmentCenter,
        int limit,
        string? afterBinId,
        CancellationToken cancellationToken
    )
    {
        var sql = database.Dialect.SelectTop(
            "receiving.bins",
            BinColumns,
            "fulfillment_center = @FulfillmentCenter AND (@After IS NULL OR bin_id > @After)",
            "bin_id"
        );
        var rows = await database.QueryAsync<BinRow>(
            sql,
            new
            {
                FulfillmentCenter = fulfillmentCenter,
                After = afterBinId,
                limit,
            },
            cancellationToken
        );
        return rows.Select(r => r.ToBin()).ToList();
    }

    /// <summary>The FC's bins as they are now, unlocked: <see cref="TryTakeAsync"/> claims space only if it is still free.</summary>
    public async Task<IReadOnlyList<BinSpace>> ReadBinsAsync(UnitOfWork unit, string fulfillmentCenter) =>
        (
            await unit.QueryAsync<BinRow>(
                $"SELECT {BinColumns} FROM receiving.bins WHERE fulfillment_center = @FulfillmentCenter",
                new { FulfillmentCenter = fulfillmentCenter }
            )
        )
            .Select(r => r.ToBin())
            .ToList();

    /// <summary>
    /// Adds volume to a bin if it still fits (another scan at the same FC may have filled it since it was read);
    /// the row stays locked until the transaction ends.
    /// </summary>
    public async Task<bool> TryTakeAsync(UnitOfWork unit, string fulfillmentCenter, string binId, decimal cubicFeet, DateTime now) =>
        await unit.ExecuteAsync(
            "UPDATE receiving.bins SET used_cubic_feet = used_cubic_feet + @CubicFeet, updated_at = @Now "
                + "WHERE fulfillment_center = @FulfillmentCenter AND bin_id = @BinId AND used_cubic_feet + @CubicFeet <= "
                + "capacity_cubic_feet",
            new
            {
                FulfillmentCenter = fulfillmentCenter,
                BinId = binId,
                CubicFeet = cubicFeet,
                Now = now,
            }
        ) == 1;

    /// <summary>Records the bin of each unit put away: one update per bin.</summary>
    public async Task SetBinAsync(UnitOfWork unit, string binId, IReadOnlyCollection<string> unitIds) =>
        await unit.ExecuteAsync(
            $"UPDATE receiving.units SET bin_id = @BinId WHERE {database.Dialect.InList("unit_id", "UnitIds")}",
            new { BinId = binId, UnitIds = unitIds.ToArray() }
        );

    /// <summary>
    /// Up to <paramref name="quantity"/> of the seller's units of an FNSKU still in a bin at the FC, in the order they leave:
    /// the <paramref name="preferredBin"/> first (a count of that bin), then the bin nearest the pick face (pickers take from
    /// the nearest bin, which keeps the far bins for slow movers), oldest unit first within a bin.
    /// </summary>
    public async Task<IReadOnlyList<(string UnitId, string BinId)>> UnitsInBinsAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        string fulfillmentCenter,
        int quantity,
        string? preferredBin
    ) =>
        (
            await unit.QueryAsync<(string UnitId, string BinId)>(
                _unitsInBins,
                new
                {
                    SellerId = sellerId,
                    Fnsku = fnsku,
                    FulfillmentCenter = fulfillmentCenter,
                    PreferredBin = preferredBin,
                    limit = quantity,
                }
            )
        ).ToList();

    /// <summary>
    /// Marks units of one bin as gone and frees their volume; returns how many were still in it (a concurrent release of the
    /// same units frees them once).
    /// </summary>
    public async Task<int> ReleaseAsync(
        UnitOfWork unit,
        string fulfillmentCenter,
        string binId,
        IReadOnlyCollection<string> unitIds,
        decimal cubicFeetPerUnit,
        DateTime now
    )
    {
        var released = await unit.ExecuteAsync(
            "UPDATE receiving.units SET bin_released_at = @Now WHERE bin_id = @BinId AND bin_released_at IS NULL AND "
                + database.Dialect.InList("unit_id", "UnitIds"),
            new
            {
                BinId = binId,
                UnitIds = unitIds.ToArray(),
                Now = now,
            }
        );
        if (released > 0)
        {
            await unit.ExecuteAsync(
                "UPDATE receiving.bins SET used_cubic_feet = CASE WHEN used_cubic_feet < @CubicFeet THEN 0 "
                    + "ELSE used_cubic_feet - @CubicFeet END, updated_at = @Now "
                    + "WHERE fulfillment_center = @FulfillmentCenter AND bin_id = @BinId",
                new
                {
                    FulfillmentCenter = fulfillmentCenter,
                    BinId = binId,
                    CubicFeet = Math.Round(released * cubicFeetPerUnit, 4),
                    Now = now,
                }
            );
        }

        return released;
    }

    /// <summary>Units a day shipped from the FC since <paramref name="since"/>, per FNSKU among <paramref name="fnskus"/>.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> UnitsPerDayAsync(
        UnitOfWork unit,
        string fulfillmentCenter,
        IReadOnlyCollection<string> fnskus,
        DateOnly since,
        int days
    )
    {
        var rows = await unit.QueryAsync<(string Fnsku, int Units)>(
            "SELECT fnsku, SUM(units) AS units FROM receiving.sales_velocity "
                + $"WHERE fulfillment_center = @FulfillmentCenter AND day >= @Since AND {database.Dialect.InList("fnsku", "Fnskus")} "
                + $"GROUP BY fnsku",
            new
            {
                FulfillmentCenter = fulfillmentCenter,
                Since = since.ToDateTime(TimeOnly.MinValue),
                Fnskus = fnskus.ToArray(),
            }
        );
        return rows.ToDictionary(r => r.Fnsku, r => (decimal)r.Units / days, StringComparer.Ordinal);
    }

    /// <summary>Adds shipped units to the FNSKU's sales of that day at that FC.</summary>
    public async Task AddSaleAsync(UnitOfWork unit, string fnsku, string fulfillmentCenter, DateOnly day, int units)
    {
        var parameters = new
        {
            Fnsku = fnsku,
            FulfillmentCenter = fulfillmentCenter,
            Day = day.ToDateTime(TimeOnly.MinValue),
            Units = 0,
        };
        await unit.ExecuteAsync(_insertSaleDay, parameters);
        await unit.ExecuteAsync(
            "UPDATE receiving.sales_velocity SET units = units + @Units WHERE fnsku = @Fnsku AND fulfillment_center = @FulfillmentCenter "
                + "AND day = @Day",
            parameters with
            {
                Units = units,
            }
        );
    }

    private sealed class BinRow
    {
        public string BinId { get; init; } = "";
        public string Zone { get; init; } = "";
        public decimal PickFaceDistanceM { get; init; }
        public decimal CapacityCubicFeet { get; init; }
        public decimal UsedCubicFeet { get; init; }

        public BinSpace ToBin() => new(BinId, Zone, PickFaceDistanceM, CapacityCubicFeet, UsedCubicFeet);
    }
}

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
        ["zone", "pick_face_distance_m", "capacity_cubic_feet", "updated_at"]);

    private readonly string _lockBins = database.Dialect.SelectForUpdate("receiving.bins", BinColumns, "fulfillment_center = @FulfillmentCenter");

    private readonly string _insertSaleDay = database.Dialect.InsertIfAbsent(
        "receiving.sales_velocity", ["fnsku", "fulfillment_center", "day"], ["fnsku", "fulfillment_center", "day", "units"]);

    /// <summary>Adds or reconfigures bins; the volume already stowed in a bin stays.</summary>
    public Task UpsertBinsAsync(UnitOfWork unit, string fulfillmentCenter, IEnumerable<BinSpace> bins, DateTime now) =>
        unit.ExecuteAsync(_upsertBin, bins.Select(b => new
        {
            FulfillmentCenter = fulfillmentCenter,
            b.BinId,
            b.Zone,
            PickFaceDistanceM = b.PickFaceDistanceMeters,
            b.CapacityCubicFeet,
            UpdatedAt = now,
        }));

    public async Task<IReadOnlyList<BinSpace>> ListBinsAsync(string fulfillmentCenter, int limit, string? afterBinId, CancellationToken cancellationToken)
    {
        var sql = database.Dialect.SelectTop(
            "receiving.bins", BinColumns, "fulfillment_center = @FulfillmentCenter AND (@After IS NULL OR bin_id > @After)", "bin_id");
        var rows = await database.QueryAsync<BinRow>(sql, new { FulfillmentCenter = fulfillmentCenter, After = afterBinId, limit }, cancellationToken);
        return rows.Select(r => r.ToBin()).ToList();
    }

    /// <summary>Locks the FC's bins, so two scans at the same FC never fill the same free space twice.</summary>
    public async Task<IReadOnlyList<BinSpace>> LockBinsAsync(UnitOfWork unit, string fulfillmentCenter) =>
        (await unit.QueryAsync<BinRow>(_lockBins, new { FulfillmentCenter = fulfillmentCenter })).Select(r => r.ToBin()).ToList();

    /// <summary>Units a day shipped from the FC since <paramref name="since"/>, per FNSKU among <paramref name="fnskus"/>.</summary>
    public async Task<IReadOnlyDictionary<string, decimal>> UnitsPerDayAsync(
        UnitOfWork unit, string fulfillmentCenter, IReadOnlyCollection<string> fnskus, DateOnly since, int days)
    {
        var rows = await unit.QueryAsync<(string Fnsku, int Units)>(
            "SELECT fnsku, SUM(units) AS units FROM receiving.sales_velocity " +
            $"WHERE fulfillment_center = @FulfillmentCenter AND day >= @Since AND {database.Dialect.InList("fnsku", "Fnskus")} GROUP BY fnsku",
            new { FulfillmentCenter = fulfillmentCenter, Since = since.ToDateTime(TimeOnly.MinValue), Fnskus = fnskus.ToArray() });
        return rows.ToDictionary(r => r.Fnsku, r => (decimal)r.Units / days, StringComparer.Ordinal);
    }

    /// <summary>Records the bins chosen: one update per bin for its units, one for its used volume.</summary>
    public async Task SaveAsync(UnitOfWork unit, string fulfillmentCenter, PutawayPlan plan, IReadOnlyCollection<string> binsTouched, DateTime now)
    {
        foreach (var group in plan.Assignments.Where(a => a.BinId is not null).GroupBy(a => a.BinId!, StringComparer.Ordinal))
        {
            await unit.ExecuteAsync(
                $"UPDATE receiving.units SET bin_id = @BinId WHERE {database.Dialect.InList("unit_id", "UnitIds")}",
                new { BinId = group.Key, UnitIds = group.Select(a => a.UnitId).ToArray() });
        }

        await unit.ExecuteAsync(
            "UPDATE receiving.bins SET used_cubic_feet = @UsedCubicFeet, updated_at = @Now WHERE fulfillment_center = @FulfillmentCenter AND bin_id = @BinId",
            plan.Bins.Where(b => binsTouched.Contains(b.BinId)).Select(b => new { FulfillmentCenter = fulfillmentCenter, b.BinId, b.UsedCubicFeet, Now = now }));
    }

    /// <summary>Adds shipped units to the FNSKU's sales of that day at that FC.</summary>
    public async Task AddSaleAsync(UnitOfWork unit, string fnsku, string fulfillmentCenter, DateOnly day, int units)
    {
        var parameters = new { Fnsku = fnsku, FulfillmentCenter = fulfillmentCenter, Day = day.ToDateTime(TimeOnly.MinValue), Units = 0 };
        await unit.ExecuteAsync(_insertSaleDay, parameters);
        await unit.ExecuteAsync(
            "UPDATE receiving.sales_velocity SET units = units + @Units WHERE fnsku = @Fnsku AND fulfillment_center = @FulfillmentCenter AND day = @Day",
            parameters with { Units = units });
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

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;

namespace InventoryPlatform.Limits.Data;

/// <summary>The FCs' capacity per storage type (admin-edited) and what all sellers occupy in them.</summary>
public sealed class NetworkCapacity(Database database, TimeProvider time)
{
    private readonly string _upsert = database.Dialect.Upsert(
        "limits.fc_capacities",
        ["fulfillment_center", "storage_type"],
        ["fulfillment_center", "storage_type", "capacity_cubic_feet", "updated_at"],
        ["capacity_cubic_feet", "updated_at"]
    );

    public async Task<IReadOnlyList<FcCapacity>> ListAsync(CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<CapacityRow>(
                "SELECT fulfillment_center, storage_type, capacity_cubic_feet, updated_at FROM limits.fc_capacities ORDER BY "
                    + "fulfillment_center, storage_type",
                null,
                cancellationToken
            )
        )
            .Select(r => new FcCapacity(r.FulfillmentCenter, Enum.Parse<StorageType>(r.StorageType), r.CapacityCubicFeet, r.UpdatedAt))
            .OrderBy(c => c.FulfillmentCenter, StringComparer.Ordinal)
            .ThenBy(c => c.StorageType)
            .ToList();

    /// <summary>Sets an FC's capacity for a storage type; true when the FC/type was new.</summary>
    public Task<bool> SaveAsync(
        string fulfillmentCenter,
        StorageType storageType,
        decimal capacityCubicFeet,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            async unit =>
            {
                var parameters = new
                {
                    FulfillmentCenter = fulfillmentCenter,
                    StorageType = storageType.ToString(),
                    CapacityCubicFeet = capacityCubicFeet,
                    UpdatedAt = time.GetUtcNow().UtcDateTime,
                };
                var existed =
                    await unit.ExecuteScalarAsync<int>(
                        "SELECT COUNT(*) FROM limits.fc_capacities WHERE fulfillment_center = @FulfillmentCenter AND storage_type = "
                            + "@StorageType",
                        parameters
                    ) > 0;
                await unit.ExecuteAsync(_upsert, parameters);
                return !existed;
            },
            cancellationToken
        );

    public async Task<IReadOnlyList<FcOccupancy>> OccupancyAsync(CancellationToken cancellationToken)
    {
        var stored = await database.QueryAsync<OccupancyRow>(
            "SELECT s.fulfillment_center, i.storage_type, SUM((s.on_hand + s.unfulfillable) * i.unit_cubic_feet) AS cubic_feet FROM "
                + "limits.stock s "
                + "JOIN limits.items i ON i.seller_id = s.seller_id AND i.fnsku = s.fnsku GROUP BY s.fulfillment_center, i.storage_type",
            null,
            cancellationToken
        );
        var inbound = await database.QueryAsync<OccupancyRow>(
            "SELECT r.fulfillment_center, v.storage_type, "
                + "SUM(CASE WHEN v.reserved_cubic_feet > v.received_cubic_feet THEN v.reserved_cubic_feet - v.received_cubic_feet ELSE 0 "
                + "END) AS cubic_feet "
                + "FROM limits.reservation_volumes v JOIN limits.reservations r ON r.shipment_id = v.shipment_id WHERE r.status = 'open' "
                + "GROUP BY r.fulfillment_center, v.storage_type",
            null,
            cancellationToken
        );
        var occupancy = new Dictionary<(string, StorageType), FcOccupancy>();
        foreach (var row in stored)
        {
            var key = (row.FulfillmentCenter, Enum.Parse<StorageType>(row.StorageType));
            occupancy[key] = new FcOccupancy(key.Item1, key.Item2, row.CubicFeet ?? 0, 0);
        }

        foreach (var row in inbound)
        {
            var key = (row.FulfillmentCenter, Enum.Parse<StorageType>(row.StorageType));
            occupancy[key] = (occupancy.TryGetValue(key, out var existing) ? existing : new FcOccupancy(key.Item1, key.Item2, 0, 0)) with
            {
                InboundCubicFeet = row.CubicFeet ?? 0,
            };
        }

        return occupancy.Values.ToList();
    }

    private sealed class CapacityRow
    {
        public string FulfillmentCenter { get; init; } = "";
        public string StorageType { get; init; } = "";
        public decimal CapacityCubicFeet { get; init; }
        public DateTime UpdatedAt { get; init; }
    }

    private sealed class OccupancyRow
    {
        public string FulfillmentCenter { get; init; } = "";
        public string StorageType { get; init; } = "";
        public decimal? CubicFeet { get; init; }
    }
}

using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

/// <summary>
/// The FC network. Every order reads it, so it is cached briefly; an edit through this replica clears the cache
/// at once, other replicas see it within <see cref="CacheFor"/>.
/// </summary>
public sealed class NetworkRepository(Database database, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly string _upsertCenter = database.Dialect.Upsert(
        "allocation.fulfillment_centers",
        ["code"],
        ["code", "marketplace", "region", "storage_capacity_units"],
        ["marketplace", "region", "storage_capacity_units"]
    );

    private readonly string _upsertRegion = database.Dialect.Upsert(
        "allocation.regions",
        ["code"],
        ["code", "marketplace"],
        ["marketplace"]
    );

    private readonly string _upsertTransit = database.Dialect.Upsert(
        "allocation.transit_times",
        ["region", "fulfillment_center"],
        ["region", "fulfillment_center", "transit_hours"],
        ["transit_hours"]
    );

    private (FulfillmentNetwork Network, DateTimeOffset Until)? _cached;

    public async Task<FulfillmentNetwork> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && cached.Until > time.GetUtcNow())
        {
            return cached.Network;
        }

        var network = await database.ReadAsync(
            async (connection, token) =>
            {
                var regions = await Dapper.SqlMapper.QueryAsync<RegionRow>(
                    connection,
                    new Dapper.CommandDefinition("SELECT code, marketplace FROM allocation.regions ORDER BY code", cancellationToken: token)
                );
                var centers = await Dapper.SqlMapper.QueryAsync<CenterRow>(
                    connection,
                    new Dapper.CommandDefinition(
                        "SELECT code, marketplace, region, storage_capacity_units FROM allocation.fulfillment_centers ORDER BY code",
                        cancellationToken: token
                    )
                );
                var transit = await Dapper.SqlMapper.QueryAsync<TransitRow>(
                    connection,
                    new Dapper.CommandDefinition(
                        "SELECT region, fulfillment_center, transit_hours FROM allocation.transit_times ORDER BY region, "
                            + "fulfillment_center",
                        cancellationToken: token
                    )
                );
                var policy = await Dapper.SqlMapper.QuerySingleAsync<PolicyRow>(
                    connection,
                    new Dapper.CommandDefinition(
                        "SELECT cross_border_allowed, cross_border_penalty_hours FROM allocation.network_settings WHERE id = 1",
                        cancellationToken: token
                    )
                );
                return new FulfillmentNetwork(
                    regions.Select(r => new Region(r.Code, r.Marketplace)).ToList(),
                    centers.Select(c => new FulfillmentCenter(c.Code, c.Marketplace, c.Region, c.StorageCapacityUnits)).ToList(),
                    transit.Select(t => new TransitTime(t.Region, t.FulfillmentCenter, t.TransitHours)).ToList(),
                    new CrossBorderPolicy(policy.CrossBorderAllowed, policy.CrossBorderPenaltyHours)
                );
            },
            cancellationToken
        );
        _cached = (network, time.GetUtcNow() + CacheFor);
        return network;
    }

    /// <summary>Adds or moves a region in the caller's transaction; true when it is new.</summary>
    public async Task<bool> SaveRegionAsync(UnitOfWork unit, Region region)
    {
        var existed = await unit.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM allocation.regions WHERE code = @Code", region) > 0;
        await unit.ExecuteAsync(_upsertRegion, region);
        Forget(unit);
        return !existed;
    }

    /// <summary>Adds or changes an FC in the caller's transaction; true when it is new.</summary>
    public async Task<bool> SaveCenterAsync(UnitOfWork unit, FulfillmentCenter center)
    {
        var existed =
            await unit.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM allocation.fulfillment_centers WHERE code = @Code", center) > 0;
        await unit.ExecuteAsync(_upsertCenter, center);
        Forget(unit);
        return !existed;
    }

    /// <summary>Sets a transit time in the caller's transaction; true when it is new.</summary>
    public async Task<bool> SaveTransitTimeAsync(UnitOfWork unit, TransitTime transit)
    {
        var existed =
            await unit.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM allocation.transit_times WHERE region = @Region AND fulfillment_center = @FulfillmentCenter",
                transit
            ) > 0;
        await unit.ExecuteAsync(_upsertTransit, transit);
        Forget(unit);
        return !existed;
    }

    /// <summary>Sets the cross-border policy in the caller's transaction.</summary>
    public async Task<bool> SaveCrossBorderAsync(UnitOfWork unit, CrossBorderPolicy policy)
    {
        await unit.ExecuteAsync(
            "UPDATE allocation.network_settings SET cross_border_allowed = @Allowed, cross_border_penalty_hours = @PenaltyHours "
                + "WHERE id = 1",
            policy
        );
        Forget(unit);
        return true;
    }

    /// <summary>The regions and FCs as the caller's transaction sees them (the reference data other services copy).</summary>
    public async Task<(IReadOnlyList<Region> Regions, IReadOnlyList<FulfillmentCenter> Centers)> CodesAsync(UnitOfWork unit)
    {
        var regions = await unit.QueryAsync<RegionRow>("SELECT code, marketplace FROM allocation.regions ORDER BY code");
        var centers = await unit.QueryAsync<CenterRow>(
            "SELECT code, marketplace, region, storage_capacity_units FROM allocation.fulfillment_centers ORDER BY code"
        );
        return (
            regions.Select(r => new Region(r.Code, r.Marketplace)).ToList(),
            centers.Select(c => new FulfillmentCenter(c.Code, c.Marketplace, c.Region, c.StorageCapacityUnits)).ToList()
        );
    }

    private void Forget(UnitOfWork unit)
    {
        _cached = null;
        unit.AfterCommit(() => _cached = null);
    }

    private sealed class RegionRow
    {
        public string Code { get; init; } = "";
        public string Marketplace { get; init; } = "";
    }

    private sealed class CenterRow
    {
        public string Code { get; init; } = "";
        public string Marketplace { get; init; } = "";
        public string Region { get; init; } = "";
        public int StorageCapacityUnits { get; init; }
    }

    private sealed class TransitRow
    {
        public string Region { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public int TransitHours { get; init; }
    }

    private sealed class PolicyRow
    {
        public bool CrossBorderAllowed { get; init; }
        public int CrossBorderPenaltyHours { get; init; }
    }
}

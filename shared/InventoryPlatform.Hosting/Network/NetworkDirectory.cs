using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;

namespace InventoryPlatform.Hosting.Network;

/// <summary>
/// The service's own copy of the FC network's codes (table <c>network_codes</c> of its schema, seeded with the default network
/// and replaced by each newer <see cref="FulfillmentNetworkChanged"/>). Requests read it often, so it is cached briefly;
/// a snapshot applied by this replica clears the cache at once, other replicas see it within <see cref="CacheFor"/>.
/// </summary>
public sealed class NetworkDirectory(Database database, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private const string FulfillmentCenter = "FulfillmentCenter";
    private const string Region = "Region";
    private const string Marketplace = "Marketplace";

    private readonly string _codes = $"{database.Schema}.network_codes";
    private readonly string _version = $"{database.Schema}.network_version";
    private (NetworkReferences References, DateTimeOffset Until)? _cached;

    /// <summary>The codes requests are validated against.</summary>
    public async Task<NetworkReferences> GetAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && cached.Until > time.GetUtcNow())
        {
            return cached.References;
        }

        var references = await database.InTransactionAsync(ReadAsync, cancellationToken);
        _cached = (references, time.GetUtcNow() + CacheFor);
        return references;
    }

    /// <summary>The copy as stored, its version row locked until the transaction ends.</summary>
    public async Task<NetworkReferences> LockAsync(UnitOfWork unit)
    {
        await unit.ExecuteScalarAsync<long>(unit.Dialect.SelectForUpdate(_version, "version", "id = 1"));
        return await ReadAsync(unit);
    }

    /// <summary>Replaces the copy with a snapshot newer than it; an older or equal one changes nothing. False when ignored.</summary>
    public async Task<bool> ApplyAsync(UnitOfWork unit, FulfillmentNetworkChanged snapshot)
    {
        var current = await LockAsync(unit);
        if (snapshot.Version <= current.Version)
        {
            return false;
        }

        await unit.ExecuteAsync($"DELETE FROM {_codes}");
        var rows = snapshot
            .Marketplaces.Select(m => new Row(Marketplace, m, m, ""))
            .Concat(snapshot.Regions.Select(r => new Row(Region, r.Code, r.Marketplace, "")))
            .Concat(snapshot.FulfillmentCenters.Select(c => new Row(FulfillmentCenter, c.Code, c.Marketplace, c.Region)))
            .DistinctBy(r => (r.Kind, r.Code))
            .ToList();
        if (rows.Count > 0)
        {
            await unit.ExecuteAsync(
                $"INSERT INTO {_codes} (kind, code, marketplace, region) VALUES (@Kind, @Code, @Marketplace, @Region)",
                rows
            );
        }

        await unit.ExecuteAsync($"UPDATE {_version} SET version = @Version WHERE id = 1", new { snapshot.Version });
        unit.AfterCommit(() => _cached = null);
        return true;
    }

    private async Task<NetworkReferences> ReadAsync(UnitOfWork unit)
    {
        var version = await unit.ExecuteScalarAsync<long>($"SELECT version FROM {_version} WHERE id = 1");
        var rows = (await unit.QueryAsync<Row>($"SELECT kind, code, marketplace, region FROM {_codes}")).ToList();
        return new NetworkReferences(
            version,
            rows.Where(r => r.Kind == FulfillmentCenter).ToDictionary(r => r.Code, r => (r.Marketplace, r.Region), StringComparer.Ordinal),
            rows.Where(r => r.Kind == Region).ToDictionary(r => r.Code, r => r.Marketplace, StringComparer.Ordinal),
            rows.Where(r => r.Kind == Marketplace).Select(r => r.Code).ToHashSet(StringComparer.Ordinal)
        );
    }

    private sealed record Row(string Kind, string Code, string Marketplace, string Region);
}

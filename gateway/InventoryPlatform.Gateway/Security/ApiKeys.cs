using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Gateway.Security;

/// <summary>
/// Finds the key a request presents: among the configured keys (compared in constant time) and the keys
/// the admin endpoint issued (looked up by hash, cached briefly in a bounded <see cref="KeyCache"/>, unknown keys too).
/// Revoked or unknown keys are null.
/// </summary>
public sealed class ApiKeys(GatewayOptions options, Database database, TimeProvider time)
{
    public const string Header = "X-Api-Key";
    public const string Prefix = "ipk_";

    private readonly KeyCache _cache = new(options.KeyCacheSize);
    private readonly ConcurrentDictionary<string, Task<ApiKey?>> _lookups = new(StringComparer.Ordinal);

    /// <summary>The entries in the key cache now (also the <c>gateway.api_keys.cached</c> metric).</summary>
    public int CachedKeys => _cache.Count;

    public int CacheCapacity => _cache.Capacity;

    // The configured keys' hashes as the bytes each request's hash is compared with, worked out once.
    private readonly (byte[] Hash, ApiKey Key)[] _configured = options
        .ApiKeys.Select(k =>
            (
                Encoding.ASCII.GetBytes(k.Sha256.ToLowerInvariant().PadRight(64)),
                new ApiKey(k.Id, k.SellerId, k.Scopes, k.PermitsPerSecond, k.Burst)
            )
        )
        .ToArray();

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// The key <paramref name="presented"/>, or null. <paramref name="mayQuery"/> is asked before the database is queried (a key
    /// neither configured nor cached); when it answers false the key is not looked up and null is the answer.
    /// </summary>
    public async Task<ApiKey?> FindAsync(string presented, Func<bool> mayQuery, CancellationToken cancellationToken)
    {
        if (presented.Length is 0 or > 200)
        {
            return null;
        }

        var hash = Hash(presented);
        var hashBytes = Encoding.ASCII.GetBytes(hash);
        ApiKey? configured = null;
        foreach (var (keyHash, key) in _configured)
        {
            // Every configured key is compared, in constant time, so timing says nothing about which matched.
            if (CryptographicOperations.FixedTimeEquals(hashBytes, keyHash))
            {
                configured = key;
            }
        }

        if (configured is not null)
        {
            return configured;
        }

        var now = time.GetUtcNow();
        if (_cache.TryGet(hash, now, out var cached))
        {
            return cached;
        }

        // One lookup per key at a time: requests that present a key while it is being looked up wait for that lookup and
        // take nothing of their address's budget, so a busy partner whose cached key just expired is never refused.
        if (_lookups.TryGetValue(hash, out var running))
        {
            return await running.WaitAsync(cancellationToken);
        }

        if (!mayQuery())
        {
            return null;
        }

        var lookup = new TaskCompletionSource<ApiKey?>(TaskCreationOptions.RunContinuationsAsynchronously);
        running = _lookups.GetOrAdd(hash, lookup.Task);
        if (running != lookup.Task)
        {
            return await running.WaitAsync(cancellationToken);
        }

        try
        {
            // Not cancelled with the request that started it: other requests may be waiting for its answer.
            var row = await database.QuerySingleOrDefaultAsync<KeyRow>(
                "SELECT id, seller_id, scopes, permits_per_second, burst FROM gateway.api_keys "
                    + "WHERE key_hash = @Hash AND revoked_at IS NULL",
                new { Hash = hash },
                CancellationToken.None
            );
            var found = row?.ToKey();
            _cache.Remember(hash, found, now.Add(found is null ? options.UnknownKeyCacheDuration : options.KeyCacheDuration), now);
            lookup.SetResult(found);
        }
        catch (Exception exception)
        {
            lookup.SetException(exception);
        }
        finally
        {
            _lookups.TryRemove(KeyValuePair.Create(hash, lookup.Task));
        }

        return await lookup.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Issues a new key; the plain key is returned once and never stored.</summary>
    public async Task<(ApiKey Key, string Plain)> IssueAsync(
        string sellerId,
        IReadOnlyList<string> scopes,
        int permitsPerSecond,
        int burst,
        CancellationToken cancellationToken
    )
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var plain = $"{Prefix}{id}_{Base64UrlSecret()}";
        var key = new ApiKey(id, sellerId, scopes, permitsPerSecond, burst);
        await database.InTransactionAsync(
            unit =>
                unit.ExecuteAsync(
                    "INSERT INTO gateway.api_keys (id, key_hash, seller_id, scopes, permits_per_second, burst, created_at) "
                        + "VALUES (@Id, @Hash, @SellerId, @Scopes, @PermitsPerSecond, @Burst, @CreatedAt)",
                    new
                    {
                        Id = id,
                        Hash = Hash(plain),
                        SellerId = sellerId,
                        Scopes = string.Join(' ', scopes),
                        PermitsPerSecond = permitsPerSecond,
                        Burst = burst,
                        CreatedAt = time.GetUtcNow().UtcDateTime,
                    }
                ),
            cancellationToken
        );
        return (key, plain);
    }

    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var revoked = await database.InTransactionAsync(
            unit =>
                unit.ExecuteAsync(
                    "UPDATE gateway.api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL",
                    new { Id = id, Now = time.GetUtcNow().UtcDateTime }
                ),
            cancellationToken
        );
        _cache.Clear();
        return revoked == 1;
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<KeyRow>(
                "SELECT id, seller_id, scopes, permits_per_second, burst FROM gateway.api_keys WHERE revoked_at IS NULL ORDER BY id",
                null,
                cancellationToken
            )
        )
            .Select(r => r.ToKey())
            .ToList();

    private static string Base64UrlSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    private sealed class KeyRow
    {
        public string Id { get; init; } = "";
        public string SellerId { get; init; } = "";
        public string Scopes { get; init; } = "";
        public int PermitsPerSecond { get; init; }
        public int Burst { get; init; }

        public ApiKey ToKey() => new(Id, SellerId, Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), PermitsPerSecond, Burst);
    }
}

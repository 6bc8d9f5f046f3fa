using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Gateway.Security;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    public ConfiguredApiKey[] ApiKeys { get; set; } = [];

    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long a key looked up in the database is trusted before it is read again (revocation delay for other
    /// replicas).</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a key the database does not know is remembered as unknown, so that trying it again costs no query.</summary>
    public TimeSpan UnknownKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The most keys (known and unknown) the cache holds, whatever is sent.</summary>
    public int KeyCacheSize { get; set; } = 10_000;

    /// <summary>Requests without a valid API key one client address may make per second, per replica (then 429).</summary>
    public int FailedRequestsPerSecond { get; set; } = 5;

    /// <summary>Requests without a valid API key one client address may make at once before the per-second rate applies.</summary>
    public int FailedRequestBurst { get; set; } = 20;
}

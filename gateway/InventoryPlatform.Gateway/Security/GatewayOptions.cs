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
}

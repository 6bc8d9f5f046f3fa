using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Gateway.Security;

/// <summary>A key from configuration (the defaults an operator provisions through a secret store).</summary>
public sealed class ConfiguredApiKey
{
    public string Id { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public string Sha256 { get; set; } = "";

    public string SellerId { get; set; } = "";

    public string[] Scopes { get; set; } = [];

    public int PermitsPerSecond { get; set; } = 50;

    public int Burst { get; set; } = 100;
}

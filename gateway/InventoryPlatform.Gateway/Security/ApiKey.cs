using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Gateway.Security;

/// <summary>A partner key as the gateway knows it: never the key itself, only its SHA-256.</summary>
public sealed record ApiKey(string Id, string SellerId, IReadOnlyList<string> Scopes, int PermitsPerSecond, int Burst);

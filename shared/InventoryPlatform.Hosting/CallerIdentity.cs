using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryPlatform.Hosting;

/// <summary>Who is calling: the seller an API key belongs to and what the key may do.</summary>
public sealed record CallerIdentity(string SellerId, IReadOnlyList<string> Scopes)
{
    public bool IsAdmin => Scopes.Contains(PlatformScopes.Admin, StringComparer.Ordinal);

    public bool Has(string scope) => IsAdmin || Scopes.Contains(scope, StringComparer.Ordinal);
}

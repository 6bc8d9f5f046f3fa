using System.Buffers.Text;
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

/// <summary>The scopes a partner key can hold.</summary>
public static class PlatformScopes
{
    public const string InventoryRead = "inventory:read";
    public const string InventoryWrite = "inventory:write";
    public const string ShipmentsWrite = "shipments:write";
    public const string OrdersWrite = "orders:write";
    public const string ReturnsWrite = "returns:write";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [InventoryRead, InventoryWrite, ShipmentsWrite, OrdersWrite, ReturnsWrite, Admin];

    /// <summary>
    /// The scope a request needs, by convention: reading anything needs inventory:read; writing needs the
    /// write scope of the service it goes to.
    /// </summary>
    public static string Required(string service, string method) =>
        HttpMethodIsRead(method)
            ? InventoryRead
            : service switch
            {
                "receiving" => ShipmentsWrite,
                "allocation" => OrdersWrite,
                "returns" => ReturnsWrite,
                "gateway" => Admin,
                _ => InventoryWrite,
            };

    private static bool HttpMethodIsRead(string method) =>
        method is "GET" or "HEAD" or "OPTIONS";
}

/// <summary>
/// The short-lived token the gateway signs for each request it forwards (HMAC-SHA256 with a key it shares
/// with the services). A service trusts the seller and scopes in it and nothing a client sent itself.
/// Format: <c>v1.{payload}.{signature}</c>, both base64url.
/// </summary>
public sealed class IdentityTokens
{
    public const string Header = "X-Platform-Identity";
    public const string SigningKeySetting = "Identity:SigningKey";

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public IdentityTokens(string base64Key, TimeProvider time)
    {
        _key = Convert.FromBase64String(base64Key);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException($"{SigningKeySetting} must be at least 32 bytes (base64).");
        }

        _time = time;
    }

    public static TimeSpan DefaultLifetime { get; } = TimeSpan.FromSeconds(60);

    public string Issue(CallerIdentity identity, TimeSpan? lifetime = null)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(
            identity.SellerId,
            identity.Scopes,
            _time.GetUtcNow().Add(lifetime ?? DefaultLifetime).ToUnixTimeSeconds()));
        var encoded = Base64Url.EncodeToString(payload);
        return $"v1.{encoded}.{Base64Url.EncodeToString(Sign(encoded))}";
    }

    /// <summary>The identity in a token that this key signed and that has not expired; otherwise null.</summary>
    public CallerIdentity? Validate(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not ["v1", var encoded, var signature] || encoded.Length > 4096)
        {
            return null;
        }

        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Sign(encoded), Base64Url.DecodeFromChars(signature)))
            {
                return null;
            }

            var payload = JsonSerializer.Deserialize<TokenPayload>(Base64Url.DecodeFromChars(encoded));
            if (payload is null || payload.ExpiresAt < _time.GetUtcNow().ToUnixTimeSeconds() || !Seller.IsValidId(payload.SellerId))
            {
                return null;
            }

            return new CallerIdentity(payload.SellerId, payload.Scopes ?? []);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    private byte[] Sign(string encodedPayload) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(encodedPayload));

    private sealed record TokenPayload(
        [property: JsonPropertyName("sub")] string SellerId,
        [property: JsonPropertyName("scp")] IReadOnlyList<string>? Scopes,
        [property: JsonPropertyName("exp")] long ExpiresAt);
}

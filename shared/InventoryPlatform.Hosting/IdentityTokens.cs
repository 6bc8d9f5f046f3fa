using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryPlatform.Hosting;

/// <summary>
/// The short-lived token the gateway signs for each request it forwards (HMAC-SHA256 with a key it shares
/// with the services). A service trusts the seller and scopes in it and nothing a client sent itself.
/// Format: <c>v1.{payload}.{signature}</c>, both base64url.
/// Signing and checking are a large part of a proxied read's cost, so both are remembered: a caller's token is
/// issued again only when half its lifetime has passed (so a service's clock may run up to 30 s ahead of the
/// gateway's), and a token that checked out once is not checked again until it expires. Only tokens this key
/// signed are remembered: a couple per caller a minute.
/// </summary>
public sealed class IdentityTokens
{
    public const string Header = "X-Platform-Identity";
    public const string SigningKeySetting = "Identity:SigningKey";

    // Far above the tokens one gateway or service sees in a lifetime; when reached, the expired ones are dropped.
    private const int MaxRemembered = 4096;

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<
        (string SellerId, string Scopes),
        (string Token, IReadOnlyList<string> Scopes, long ExpiresAt)
    > _issued = new();
    private readonly ConcurrentDictionary<string, (CallerIdentity Caller, long ExpiresAt)> _valid = new(StringComparer.Ordinal);

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

    /// <summary>A token for <paramref name="identity"/> with at least half the default lifetime left (reused until then), or a new one with
    /// <paramref name="lifetime"/>.</summary>
    public string Issue(CallerIdentity identity, TimeSpan? lifetime = null)
    {
        if (lifetime is not null)
        {
            return Sign(identity, _time.GetUtcNow().Add(lifetime.Value).ToUnixTimeSeconds());
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var key = (identity.SellerId, string.Join(' ', identity.Scopes));
        // The joined scopes only find the entry; a scope with a space in it must not lend another list its token.
        if (
            _issued.TryGetValue(key, out var issued)
            && issued.ExpiresAt - now >= (long)DefaultLifetime.TotalSeconds / 2
            && issued.Scopes.SequenceEqual(identity.Scopes, StringComparer.Ordinal)
        )
        {
            return issued.Token;
        }

        var expiresAt = now + (long)DefaultLifetime.TotalSeconds;
        var token = Sign(identity, expiresAt);
        Remember(_issued, key, (token, identity.Scopes.ToArray(), expiresAt), now, e => e.ExpiresAt);
        return token;
    }

    /// <summary>The identity in a token that this key signed and that has not expired; otherwise null.</summary>
    public CallerIdentity? Validate(string? token)
    {
        if (token is not null && _valid.TryGetValue(token, out var known))
        {
            return known.ExpiresAt < _time.GetUtcNow().ToUnixTimeSeconds() ? null : known.Caller;
        }

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

            var caller = new CallerIdentity(payload.SellerId, payload.Scopes ?? []);
            Remember(_valid, token!, (caller, payload.ExpiresAt), _time.GetUtcNow().ToUnixTimeSeconds(), e => e.ExpiresAt);
            return caller;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }

    private string Sign(CallerIdentity identity, long expiresAt)
    {
        var encoded = Base64Url.EncodeToString(
            JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(identity.SellerId, identity.Scopes, expiresAt))
        );
        return $"v1.{encoded}.{Base64Url.EncodeToString(Sign(encoded))}";
    }

    private byte[] Sign(string encodedPayload) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(encodedPayload));

    private static void Remember<TKey, TValue>(
        ConcurrentDictionary<TKey, TValue> memory,
        TKey key,
        TValue value,
        long now,
        Func<TValue, long> expiresAt
    )
        where TKey : notnull
    {
        if (memory.Count >= MaxRemembered)
        {
            foreach (var entry in memory.Where(e => expiresAt(e.Value) < now))
            {
                memory.TryRemove(entry);
            }

            if (memory.Count >= MaxRemembered)
            {
                memory.Clear();
            }
        }

        memory[key] = value;
    }

    private sealed record TokenPayload(
        [property: JsonPropertyName("sub")] string SellerId,
        [property: JsonPropertyName("scp")] IReadOnlyList<string>? Scopes,
        [property: JsonPropertyName("exp")] long ExpiresAt
    );
}

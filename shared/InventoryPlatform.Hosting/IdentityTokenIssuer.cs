using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Signs caller identities: the gateway's alone, since only the gateway holds the private keys. It holds the active key,
/// which signs, and may hold others whose public keys it publishes without signing with them (the next key of a rotation,
/// published before signing switches to it; see deploy/README.md). Signing is a large part of a proxied read's cost, so a
/// caller's token is issued again only when half its lifetime has passed (a service's clock may run up to
/// <see cref="IdentityTokens.ClockSkew"/> off the gateway's).
/// </summary>
public sealed class IdentityTokenIssuer
{
    // Far above the callers one gateway sees in a token lifetime; when reached, the expired ones are dropped.
    private const int MaxRemembered = 4096;

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly ExpiringMemory<(string SellerId, string Scopes), (string Token, string[] Scopes)> _issued = new(MaxRemembered);
    private volatile KeyRing _keys;

    public IdentityTokenIssuer(IReadOnlyList<IdentitySigningKey> keys, string activeKeyId, TimeProvider time, TimeSpan? lifetime = null)
    {
        _keys = KeyRing.Of(keys, activeKeyId);
        _time = time;
        _lifetime = lifetime ?? IdentityTokens.DefaultLifetime;
    }

    public string ActiveKeyId => _keys.Active.KeyId;

    /// <summary>The public halves of every key held, as JWKS: what <see cref="IdentityTokens.JwksPath"/> serves.</summary>
    public string Jwks => _keys.Jwks;

    /// <summary>
    /// The issuer of <see cref="IdentityTokens.SigningKeysSection"/> and <see cref="IdentityTokens.ActiveKeyIdSetting"/>, following
    /// the configuration when it reloads (a mounted secret file that changes, for instance).
    /// </summary>
    public static IdentityTokenIssuer FromConfiguration(IConfiguration configuration, TimeProvider time)
    {
        var issuer = new IdentityTokenIssuer(KeysIn(configuration), ActiveIn(configuration), time);
        ChangeToken.OnChange(configuration.GetReloadToken, () => issuer.Use(KeysIn(configuration), ActiveIn(configuration)));
        return issuer;
    }

    /// <summary>Holds <paramref name="keys"/> from now on and signs with <paramref name="activeKeyId"/>.</summary>
    public void Use(IReadOnlyList<IdentitySigningKey> keys, string activeKeyId)
    {
        _keys = KeyRing.Of(keys, activeKeyId);
        _issued.Clear();
    }

    /// <summary>
    /// A token for <paramref name="identity"/> with at least half the lifetime left (reused until then), or a new one with
    /// <paramref name="lifetime"/>.
    /// </summary>
    public string Issue(CallerIdentity identity, TimeSpan? lifetime = null)
    {
        var now = _time.GetUtcNow();
        if (lifetime is not null)
        {
            return Sign(identity, now, now.Add(lifetime.Value));
        }

        var seconds = now.ToUnixTimeSeconds();
        var key = (identity.SellerId, string.Join(' ', identity.Scopes));
        // The joined scopes only find the entry; a scope with a space in it must not lend another list its token.
        if (
            _issued.TryGet(key, out var issued, out var expiresAt)
            && expiresAt - seconds >= (long)_lifetime.TotalSeconds / 2
            && issued.Scopes.SequenceEqual(identity.Scopes, StringComparer.Ordinal)
        )
        {
            return issued.Token;
        }

        var expires = now.Add(_lifetime);
        var token = Sign(identity, now, expires);
        _issued.Remember(key, (token, identity.Scopes.ToArray()), expires.ToUnixTimeSeconds(), seconds);
        return token;
    }

    private string Sign(CallerIdentity identity, DateTimeOffset now, DateTimeOffset expires) =>
        Handler.CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = IdentityTokens.Issuer,
                Audience = IdentityTokens.Audience,
                IssuedAt = now.UtcDateTime,
                NotBefore = now.UtcDateTime,
                Expires = expires.UtcDateTime,
                Claims = new Dictionary<string, object>
                {
                    [JwtRegisteredClaimNames.Sub] = identity.SellerId,
                    [IdentityTokenValidator.ScopesClaim] = identity.Scopes.ToArray(),
                },
                SigningCredentials = _keys.Credentials,
            }
        );

    private static List<IdentitySigningKey> KeysIn(IConfiguration configuration)
    {
        var keys = configuration
            .GetSection(IdentityTokens.SigningKeysSection)
            .GetChildren()
            .Select(k => IdentitySigningKey.FromPrivateKey(k["KeyId"] ?? "", k["PrivateKey"] ?? ""))
            .ToList();
        return keys.Count > 0
            ? keys
            : throw new InvalidOperationException(
                $"{IdentityTokens.SigningKeysSection} is not configured: the gateway's ES256 private keys (KeyId and PrivateKey, PKCS#8 "
                    + "PEM) that sign caller identities."
            );
    }

    private static string ActiveIn(IConfiguration configuration) => configuration[IdentityTokens.ActiveKeyIdSetting] ?? "";

    private sealed record KeyRing(IdentitySigningKey Active, SigningCredentials Credentials, string Jwks)
    {
        public static KeyRing Of(IReadOnlyList<IdentitySigningKey> keys, string activeKeyId)
        {
            if (keys.Select(k => k.KeyId).Distinct(StringComparer.Ordinal).Count() != keys.Count)
            {
                throw new InvalidOperationException($"The key ids in {IdentityTokens.SigningKeysSection} must differ.");
            }

            // With one key, it signs; with several (a rotation under way), the active one must be named.
            var active =
                (activeKeyId.Length == 0 && keys.Count == 1 ? keys[0] : keys.FirstOrDefault(k => k.KeyId == activeKeyId))
                ?? throw new InvalidOperationException(
                    $"{IdentityTokens.ActiveKeyIdSetting} '{activeKeyId}' names none of the keys in {IdentityTokens.SigningKeysSection} "
                        + $"({string.Join(", ", keys.Select(k => k.KeyId))})."
                );
            return new KeyRing(
                active,
                new SigningCredentials(active.SecurityKey, SecurityAlgorithms.EcdsaSha256),
                IdentitySigningKey.Jwks(keys)
            );
        }
    }
}

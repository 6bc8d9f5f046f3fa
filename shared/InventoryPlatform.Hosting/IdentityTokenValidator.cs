using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Checks caller identities with the gateway's public keys only (a JWKS), so a service can verify a token but not mint one.
/// A token is accepted only when it is an ES256 JWT from the gateway for the services, its <c>kid</c> names a key the service
/// holds, its signature checks out with that key, and it has not expired: an HMAC token, <c>alg: none</c>, another
/// algorithm or an unknown key id is refused. Checking a signature is a large part of a proxied read's cost, so a token
/// that checked out once is not checked again until it expires (or the keys held change).
/// </summary>
public sealed class IdentityTokenValidator
{
    public const string ScopesClaim = "scp";

    // Far above the tokens one service sees in a token lifetime; when reached, the expired ones are dropped.
    private const int MaxRemembered = 4096;
    private const int MaxTokenLength = 8192;

    private static readonly JsonWebTokenHandler Handler = new();

    private readonly TimeProvider _time;
    private readonly ExpiringMemory<string, CallerIdentity> _valid = new(MaxRemembered, StringComparer.Ordinal);
    private volatile TokenValidationParameters _parameters;

    public IdentityTokenValidator(string jwks, TimeProvider time)
    {
        _parameters = ParametersFor(KeysIn(jwks));
        _time = time;
    }

    /// <summary>The ids of the keys this service trusts.</summary>
    public IReadOnlyList<string> KeyIds { get; private set; } = [];

    /// <summary>The validator of <see cref="IdentityTokens.JwksSetting"/>, following the configuration when it reloads.</summary>
    public static IdentityTokenValidator FromConfiguration(IConfiguration configuration, TimeProvider time)
    {
        var validator = new IdentityTokenValidator(JwksIn(configuration), time);
        ChangeToken.OnChange(configuration.GetReloadToken, () => validator.Trust(JwksIn(configuration)));
        return validator;
    }

    /// <summary>Trusts the keys of <paramref name="jwks"/> from now on, and only them.</summary>
    public void Trust(string jwks)
    {
        _parameters = ParametersFor(KeysIn(jwks));
        _valid.Clear();
    }

    /// <summary>The identity in a token one of the held keys signed and that has not expired; otherwise null.</summary>
    public async ValueTask<CallerIdentity?> ValidateAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (_valid.TryGet(token, out var known, out var knownExpiry))
        {
            return knownExpiry + (long)IdentityTokens.ClockSkew.TotalSeconds < now.ToUnixTimeSeconds() ? null : known;
        }

        var result = await Handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt || !WithinLifetime(jwt, now))
        {
            return null;
        }

        if (
            !jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var sellerId)
            || sellerId is null
            || !Seller.IsValidId(sellerId)
        )
        {
            return null;
        }

        var scopes = jwt.TryGetPayloadValue<List<string>>(ScopesClaim, out var list) && list is not null ? list : [];
        var caller = new CallerIdentity(sellerId, scopes);
        _valid.Remember(token, caller, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero).ToUnixTimeSeconds(), now.ToUnixTimeSeconds());
        return caller;
    }

    // Expiry on this service's clock (the platform's wall clock), with the skew allowed between it and the gateway's. Only the
    // gateway signs, and it signs tokens valid from the moment it signs them, so not-before adds nothing; leaving it out lets a
    // service whose clock runs behind (a test's fake clock years back) accept them.
    private static bool WithinLifetime(JsonWebToken jwt, DateTimeOffset now) =>
        jwt.ValidTo != DateTime.MinValue && new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + IdentityTokens.ClockSkew >= now;

    private TokenValidationParameters ParametersFor(IReadOnlyDictionary<string, SecurityKey> keys)
    {
        KeyIds = keys.Keys.Order(StringComparer.Ordinal).ToList();
        return new TokenValidationParameters
        {
            ValidIssuer = IdentityTokens.Issuer,
            ValidAudience = IdentityTokens.Audience,
            ValidAlgorithms = [IdentityTokens.Algorithm],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = false,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            // Only the key the token names: an unknown kid finds no key and the token is refused.
            IssuerSigningKeyResolver = (_, _, kid, _) => kid is not null && keys.TryGetValue(kid, out var key) ? [key] : [],
        };
    }

    private static Dictionary<string, SecurityKey> KeysIn(string jwks)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(jwks);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"{IdentityTokens.JwksSetting} is not a JWKS document: {exception.Message}");
        }

        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in set.Keys)
        {
            if (key.D is not null || key.HasPrivateKey)
            {
                throw new InvalidOperationException(
                    $"{IdentityTokens.JwksSetting} key '{key.Kid}' carries a private key: a service holds public keys only."
                );
            }

            if (key.Kty != JsonWebAlgorithmsKeyTypes.EllipticCurve || key.Crv != JsonWebKeyECTypes.P256 || string.IsNullOrEmpty(key.Kid))
            {
                throw new InvalidOperationException(
                    $"{IdentityTokens.JwksSetting} key '{key.Kid}' is not an ES256 key with a kid (kty EC, crv P-256)."
                );
            }

            keys[key.Kid] = key;
        }

        return keys.Count > 0
            ? keys
            : throw new InvalidOperationException($"{IdentityTokens.JwksSetting} holds no keys: the gateway's public keys (JWKS).");
    }

    private static string JwksIn(IConfiguration configuration) =>
        configuration[IdentityTokens.JwksSetting] is { Length: > 0 } jwks
            ? jwks
            : throw new InvalidOperationException(
                $"{IdentityTokens.JwksSetting} is not configured: the JWKS of the gateway's public keys that caller identities are "
                    + $"checked with (the gateway serves it at {IdentityTokens.JwksPath})."
            );
}

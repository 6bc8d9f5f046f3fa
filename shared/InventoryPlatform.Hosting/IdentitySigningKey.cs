using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace InventoryPlatform.Hosting;

/// <summary>One of the gateway's ES256 (P-256) key pairs, named by its key id. Services see only <see cref="PublicJwk"/>.</summary>
public sealed class IdentitySigningKey
{
    private IdentitySigningKey(string keyId, ECDsa key)
    {
        if (string.IsNullOrWhiteSpace(keyId))
        {
            throw new InvalidOperationException($"Every key in {IdentityTokens.SigningKeysSection} needs a KeyId.");
        }

        if (key.KeySize != 256)
        {
            throw new InvalidOperationException($"Identity signing key '{keyId}' must be a P-256 (ES256) key, not {key.KeySize} bits.");
        }

        KeyId = keyId;
        SecurityKey = new ECDsaSecurityKey(key) { KeyId = keyId };
    }

    public string KeyId { get; }

    internal ECDsaSecurityKey SecurityKey { get; }

    /// <summary>A fresh P-256 key pair (development, tests, and an operator's next key).</summary>
    public static IdentitySigningKey Generate(string keyId) => new(keyId, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>A key from its PKCS#8 private key, as PEM or as the base64 of its DER bytes.</summary>
    public static IdentitySigningKey FromPrivateKey(string keyId, string privateKey)
    {
        var key = ECDsa.Create();
        try
        {
            if (privateKey.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                key.ImportFromPem(privateKey);
            }
            else
            {
                key.ImportPkcs8PrivateKey(Convert.FromBase64String(privateKey.Trim()), out _);
            }
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or ArgumentException)
        {
            key.Dispose();
            throw new InvalidOperationException(
                $"Identity signing key '{keyId}' is not a PKCS#8 EC private key (PEM or base64 DER): {exception.Message}"
            );
        }

        return new IdentitySigningKey(keyId, key);
    }

    /// <summary>The private key as PKCS#8 PEM, the form <see cref="IdentityTokens.SigningKeysSection"/> takes.</summary>
    public string PrivateKeyPem() => SecurityKey.ECDsa.ExportPkcs8PrivateKeyPem();

    /// <summary>The private key as the base64 of its PKCS#8 DER bytes: one line, for an environment variable.</summary>
    public string PrivateKeyBase64() => Convert.ToBase64String(SecurityKey.ECDsa.ExportPkcs8PrivateKey());

    /// <summary>The public half as a JWK (kty EC, crv P-256, x, y, kid, alg ES256, use sig): nothing that can sign.</summary>
    public JsonWebKey PublicJwk()
    {
        var parameters = SecurityKey.ECDsa.ExportParameters(includePrivateParameters: false);
        return new JsonWebKey
        {
            Kty = JsonWebAlgorithmsKeyTypes.EllipticCurve,
            Crv = JsonWebKeyECTypes.P256,
            X = Base64UrlEncoder.Encode(parameters.Q.X),
            Y = Base64UrlEncoder.Encode(parameters.Q.Y),
            Kid = KeyId,
            Alg = IdentityTokens.Algorithm,
            Use = JsonWebKeyUseNames.Sig,
        };
    }

    /// <summary>A JWKS document of the public halves of <paramref name="keys"/>, as services take it in <c>Identity:Jwks</c>.</summary>
    public static string Jwks(IEnumerable<IdentitySigningKey> keys) => Jwks(keys.Select(k => k.PublicJwk()));

    public static string Jwks(IEnumerable<JsonWebKey> publicKeys) =>
        JsonSerializer.Serialize(
            new
            {
                keys = publicKeys.Select(k => new
                {
                    kty = k.Kty,
                    crv = k.Crv,
                    x = k.X,
                    y = k.Y,
                    kid = k.Kid,
                    alg = k.Alg,
                    use = k.Use,
                }),
            }
        );
}

namespace InventoryPlatform.Hosting;

/// <summary>
/// The caller identity the gateway forwards with each request: a short-lived JWT (ES256, with a <c>kid</c>) that only the
/// gateway can sign (<see cref="IdentityTokenIssuer"/>, holding the private keys) and every service checks
/// (<see cref="IdentityTokenValidator"/>, holding only the public keys as a JWKS). A service trusts the seller and scopes
/// in it and nothing a client sent itself.
/// </summary>
public static class IdentityTokens
{
    public const string Header = "X-Platform-Identity";

    /// <summary>The gateway's signing keys: a list of <c>KeyId</c> and <c>PrivateKey</c> (PKCS#8 PEM, or its base64 DER).</summary>
    public const string SigningKeysSection = "Identity:SigningKeys";

    /// <summary>Which of the gateway's signing keys signs; the others are only published (the next key of a rotation).</summary>
    public const string ActiveKeyIdSetting = "Identity:ActiveKeyId";

    /// <summary>The public keys a service trusts, as a JWKS document (the gateway serves its own at <see cref="JwksPath"/>).</summary>
    public const string JwksSetting = "Identity:Jwks";

    /// <summary>Where the gateway publishes the public keys of its signing keys.</summary>
    public const string JwksPath = "/.well-known/jwks.json";

    public const string Issuer = "inventoryplatform-gateway";
    public const string Audience = "inventoryplatform-services";
    public const string Algorithm = "ES256";

    /// <summary>How long a token is valid; the gateway reuses a caller's token until half of it has passed.</summary>
    public static TimeSpan DefaultLifetime { get; } = TimeSpan.FromSeconds(60);

    /// <summary>How far a service's clock may run behind or ahead of the gateway's.</summary>
    public static TimeSpan ClockSkew { get; } = TimeSpan.FromSeconds(30);
}

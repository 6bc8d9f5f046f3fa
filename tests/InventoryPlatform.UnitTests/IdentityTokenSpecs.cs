using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using InventoryPlatform.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InventoryPlatform.UnitTests;

public sealed class IdentityTokenSpecs
{
    private static readonly IdentitySigningKey Key = IdentitySigningKey.Generate("gateway-1");
    private static readonly string Jwks = IdentitySigningKey.Jwks([Key]);
    private static readonly CallerIdentity Seller = new("seller-1", [PlatformScopes.InventoryRead, PlatformScopes.OrdersWrite]);

    private static IdentityTokenIssuer Gateway(TimeProvider time, params IdentitySigningKey[] keys) =>
        new(keys.Length > 0 ? keys : [Key], (keys.Length > 0 ? keys : [Key])[0].KeyId, time);

    [Test]
    public async Task A_callers_token_is_reused_until_half_its_lifetime_has_passed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T03:00:00Z"));
        var tokens = Gateway(time);
        var service = new IdentityTokenValidator(Jwks, time);

        var first = tokens.Issue(Seller);
        time.Advance(TimeSpan.FromSeconds(29));
        var within = tokens.Issue(Seller);
        time.Advance(TimeSpan.FromSeconds(2));
        var after = tokens.Issue(Seller);

        Assert.That(within, Is.EqualTo(first));
        Assert.That(after, Is.Not.EqualTo(first));
        Assert.That(await service.ValidateAsync(after), Is.EqualTo(Seller).Using<CallerIdentity>(SameCaller));
    }

    [Test]
    public async Task The_token_is_an_ES256_JWT_naming_its_key_the_gateway_and_the_services()
    {
        var token = new JsonWebToken(Gateway(new FakeTimeProvider()).Issue(Seller));

        Assert.That(token.Alg, Is.EqualTo("ES256"));
        Assert.That(token.Kid, Is.EqualTo("gateway-1"));
        Assert.That(token.Issuer, Is.EqualTo(IdentityTokens.Issuer));
        Assert.That(token.Audiences, Is.EqualTo(new[] { IdentityTokens.Audience }));
        Assert.That(token.Subject, Is.EqualTo("seller-1"));
        Assert.That(token.ValidTo - token.ValidFrom, Is.EqualTo(IdentityTokens.DefaultLifetime));
        Assert.That(await new IdentityTokenValidator(Jwks, new FakeTimeProvider()).ValidateAsync(token.EncodedToken), Is.Not.Null);
    }

    [Test]
    public async Task Callers_with_other_sellers_or_scopes_get_their_own_tokens()
    {
        var tokens = Gateway(new FakeTimeProvider());
        var service = new IdentityTokenValidator(Jwks, new FakeTimeProvider());

        var mine = tokens.Issue(Seller);
        var otherSeller = tokens.Issue(Seller with { SellerId = "seller-2" });
        var fewerScopes = tokens.Issue(Seller with { Scopes = [PlatformScopes.InventoryRead] });

        Assert.That(new[] { mine, otherSeller, fewerScopes }, Is.Unique);
        Assert.That((await service.ValidateAsync(otherSeller))!.SellerId, Is.EqualTo("seller-2"));
        Assert.That((await service.ValidateAsync(fewerScopes))!.Has(PlatformScopes.OrdersWrite), Is.False);
        Assert.That((await service.ValidateAsync(mine))!.Scopes, Is.EqualTo(Seller.Scopes));
    }

    [Test]
    public async Task A_token_that_checked_out_is_refused_once_it_expires()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T03:00:00Z"));
        var service = new IdentityTokenValidator(Jwks, time);
        var token = Gateway(time).Issue(Seller);

        Assert.That(await service.ValidateAsync(token), Is.Not.Null);
        time.Advance(IdentityTokens.DefaultLifetime + IdentityTokens.ClockSkew + TimeSpan.FromSeconds(1));

        Assert.That(await service.ValidateAsync(token), Is.Null);
    }

    private static IEnumerable<TestCaseData> Forgeries()
    {
        var now = DateTimeOffset.UtcNow;
        var token = Gateway(TimeProvider.System).Issue(Seller);
        // A key the service does not hold, under the very key id it trusts.
        yield return new TestCaseData(Gateway(TimeProvider.System, IdentitySigningKey.Generate("gateway-1")).Issue(Seller)).SetName(
            "A token signed by another key under a trusted kid is refused"
        );
        yield return new TestCaseData(Gateway(TimeProvider.System, IdentitySigningKey.Generate("gateway-9")).Issue(Seller)).SetName(
            "An ES256 token with an unknown kid is refused"
        );
        yield return new TestCaseData(OldHmacToken(Seller, now.AddMinutes(1))).SetName(
            "An HMAC token of the old shared-key format is refused"
        );
        yield return new TestCaseData(Hs256Token(Seller, "gateway-1")).SetName("An HS256 JWT under a trusted kid is refused");
        yield return new TestCaseData(Unsigned(Seller, "none")).SetName("An alg=none token is refused");
        yield return new TestCaseData(Unsigned(Seller, "ES256")).SetName("An ES256 token without a signature is refused");
        yield return new TestCaseData(Tampered(token)).SetName("A token whose payload was changed is refused");
        yield return new TestCaseData(token + "x").SetName("A token with a changed signature is refused");
        yield return new TestCaseData("v1.garbage.garbage").SetName("Garbage is refused");
    }

    [TestCaseSource(nameof(Forgeries))]
    public async Task Remembering_valid_tokens_lets_no_forged_or_tampered_one_through(string bad)
    {
        var service = new IdentityTokenValidator(Jwks, TimeProvider.System);
        Assert.That(await service.ValidateAsync(Gateway(TimeProvider.System).Issue(Seller)), Is.Not.Null);

        // Twice: a refused token must not be remembered as good either.
        Assert.That(await service.ValidateAsync(bad), Is.Null);
        Assert.That(await service.ValidateAsync(bad), Is.Null);
    }

    [Test]
    public void The_published_keys_are_public_only_and_a_service_refuses_keys_that_could_sign()
    {
        var withPrivate = Jwks.Replace("\"kid\"", $"\"d\":\"{Base64Url.EncodeToString(new byte[32])}\",\"kid\"", StringComparison.Ordinal);

        Assert.That(Jwks, Does.Not.Contain("\"d\""));
        Assert.That(Gateway(TimeProvider.System).Jwks, Is.EqualTo(Jwks));
        Assert.That(
            () => new IdentityTokenValidator(withPrivate, TimeProvider.System),
            Throws.InvalidOperationException.With.Message.Contains("public keys only")
        );
        Assert.That(
            () => new IdentityTokenValidator("{\"keys\":[]}", TimeProvider.System),
            Throws.InvalidOperationException.With.Message.Contains("holds no keys")
        );
    }

    [Test]
    public async Task A_rotation_publishes_the_next_key_switches_signing_then_retires_the_old_key_without_refusing_a_token()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T03:00:00Z"));
        var next = IdentitySigningKey.Generate("gateway-2");
        var gateway = Gateway(time);
        var service = new IdentityTokenValidator(Jwks, time);
        var before = gateway.Issue(Seller);

        // 1. Publish: the gateway holds the next key and publishes it, still signing with the old one; services trust both.
        gateway.Use([Key, next], Key.KeyId);
        service.Trust(gateway.Jwks);
        var published = gateway.Issue(Seller);
        // 2. Switch signing.
        gateway.Use([Key, next], next.KeyId);
        var switched = gateway.Issue(Seller);
        var stillValid = await service.ValidateAsync(before);
        // 3. Retire the old key once every token it signed has expired.
        time.Advance(IdentityTokens.DefaultLifetime + IdentityTokens.ClockSkew + TimeSpan.FromSeconds(1));
        gateway.Use([next], next.KeyId);
        service.Trust(gateway.Jwks);
        var afterRetirement = gateway.Issue(Seller);

        Assert.That(new JsonWebToken(published).Kid, Is.EqualTo("gateway-1"));
        Assert.That(new JsonWebToken(switched).Kid, Is.EqualTo("gateway-2"));
        Assert.That(stillValid, Is.Not.Null);
        Assert.That(await service.ValidateAsync(afterRetirement), Is.Not.Null);
        Assert.That(service.KeyIds, Is.EqualTo(new[] { "gateway-2" }));
        // A token of the retired key, even one still within its lifetime, is refused now.
        Assert.That(await service.ValidateAsync(Gateway(time, Key).Issue(Seller)), Is.Null);
    }

    [Test]
    public void A_gateway_with_several_keys_must_name_the_one_that_signs()
    {
        var next = IdentitySigningKey.Generate("gateway-2");

        Assert.That(
            () => new IdentityTokenIssuer([Key, next], "", TimeProvider.System),
            Throws.InvalidOperationException.With.Message.Contains("names none of the keys")
        );
        Assert.That(new IdentityTokenIssuer([Key], "", TimeProvider.System).ActiveKeyId, Is.EqualTo("gateway-1"));
        Assert.That(
            IdentitySigningKey.FromPrivateKey("again", Key.PrivateKeyPem()).PublicJwk().X,
            Is.EqualTo(Key.PublicJwk().X),
            "a PEM private key reads back as the same key"
        );
    }

    [Test]
    public async Task A_scope_with_a_space_in_it_does_not_lend_another_scope_list_its_token()
    {
        var tokens = Gateway(new FakeTimeProvider());
        var service = new IdentityTokenValidator(Jwks, new FakeTimeProvider());

        var joined = tokens.Issue(new CallerIdentity("seller-1", ["inventory:read orders:write"]));
        var separate = tokens.Issue(new CallerIdentity("seller-1", [PlatformScopes.InventoryRead, PlatformScopes.OrdersWrite]));

        Assert.That(separate, Is.Not.EqualTo(joined));
        Assert.That((await service.ValidateAsync(joined))!.Has(PlatformScopes.OrdersWrite), Is.False);
        Assert.That((await service.ValidateAsync(separate))!.Has(PlatformScopes.OrdersWrite), Is.True);
    }

    [Test]
    public async Task A_token_asked_for_with_its_own_lifetime_is_signed_for_it_and_not_mixed_with_the_callers_usual_one()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-28T03:00:00Z"));
        var tokens = Gateway(time);
        var service = new IdentityTokenValidator(Jwks, time);

        var usual = tokens.Issue(Seller);
        var brief = tokens.Issue(Seller, TimeSpan.FromSeconds(5));
        Assert.That(tokens.Issue(Seller), Is.EqualTo(usual));
        time.Advance(TimeSpan.FromSeconds(5) + IdentityTokens.ClockSkew + TimeSpan.FromSeconds(1));

        Assert.That(await service.ValidateAsync(brief), Is.Null);
        Assert.That(await service.ValidateAsync(usual), Is.Not.Null);
    }

    private static bool SameCaller(CallerIdentity actual, CallerIdentity expected) =>
        actual.SellerId == expected.SellerId && actual.Scopes.SequenceEqual(expected.Scopes);

    // The format every service accepted before: v1.{payload}.{HMAC-SHA256}, with a key a service held.
    private static string OldHmacToken(CallerIdentity caller, DateTimeOffset expires)
    {
        var payload = Base64Url.EncodeToString(
            Encoding.UTF8.GetBytes(
                $"{{\"sub\":\"{caller.SellerId}\",\"scp\":[\"{string.Join("\",\"", caller.Scopes)}\"],"
                    + $"\"exp\":{expires.ToUnixTimeSeconds()}}}"
            )
        );
        var signature = HMACSHA256.HashData(RandomNumberGenerator.GetBytes(32), Encoding.ASCII.GetBytes(payload));
        return $"v1.{payload}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Hs256Token(CallerIdentity caller, string keyId) =>
        new JsonWebTokenHandler().CreateToken(
            new SecurityTokenDescriptor
            {
                Issuer = IdentityTokens.Issuer,
                Audience = IdentityTokens.Audience,
                Expires = DateTime.UtcNow.AddMinutes(1),
                Claims = new Dictionary<string, object> { ["sub"] = caller.SellerId, ["scp"] = caller.Scopes.ToArray() },
                SigningCredentials = new SigningCredentials(
                    new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = keyId },
                    SecurityAlgorithms.HmacSha256
                ),
            }
        );

    private static string Unsigned(CallerIdentity caller, string algorithm)
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{{\"alg\":\"{algorithm}\",\"kid\":\"gateway-1\",\"typ\":\"JWT\"}}"));
        var payload = Base64Url.EncodeToString(
            Encoding.UTF8.GetBytes(
                $"{{\"iss\":\"{IdentityTokens.Issuer}\",\"aud\":\"{IdentityTokens.Audience}\",\"sub\":\"{caller.SellerId}\","
                    + $"\"scp\":[\"admin\"],\"exp\":{DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds()}}}"
            )
        );
        return $"{header}.{payload}.";
    }

    // The same token naming another seller, its signature unchanged.
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1]))
            .Replace("seller-1", "seller-2", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }
}

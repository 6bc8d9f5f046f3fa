using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Hosting;
using ReceivingMarker = InventoryPlatform.Receiving.Application.RecordScansHandler;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// A service trusts only identities the gateway signed (ES256, with a key whose public half the service holds), and only for
/// the scopes they carry. It holds no key that could sign one.
/// </summary>
[NonParallelizable]
public sealed class IdentitySpecs
{
    private PlatformServices _services = null!;

    [OneTimeSetUp]
    public async Task Start() => _services = await PlatformServices.StartAsync(DatabaseProvider.Postgres, "identity");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private static IEnumerable<TestCaseData> ForgedTokens()
    {
        var caller = new CallerIdentity("identity-seller", TestIdentity.PartnerScopes);
        var admin = new CallerIdentity("identity-seller", [PlatformScopes.Admin]);
        var token = TestIdentity.Tokens.Issue(caller);
        yield return new TestCaseData(null).SetName("A request without an identity token is refused with 401");
        yield return new TestCaseData("v1.garbage.garbage").SetName("A malformed identity token is refused with 401");
        yield return new TestCaseData(Signer(IdentitySigningKey.Generate(TestIdentity.SigningKey.KeyId)).Issue(admin)).SetName(
            "A token signed with another key under the trusted kid is refused with 401"
        );
        yield return new TestCaseData(Signer(IdentitySigningKey.Generate("unknown-kid")).Issue(admin)).SetName(
            "An ES256 token with an unknown kid is refused with 401"
        );
        yield return new TestCaseData(OldFormatHmacToken(admin)).SetName("An HMAC token in the old shared-key format is refused with 401");
        yield return new TestCaseData(UnsignedToken(admin)).SetName("An alg=none token is refused with 401");
        yield return new TestCaseData(TestIdentity.Tokens.Issue(caller, TimeSpan.FromMinutes(-2))).SetName(
            "An expired token is refused with 401"
        );
        yield return new TestCaseData(WithPayload(token, p => p.Replace("identity-seller", "identity-other", StringComparison.Ordinal)))
            .SetName("A token whose seller was changed is refused with 401");
    }

    [TestCaseSource(nameof(ForgedTokens))]
    public async Task Refused(string? token)
    {
        using var client = _services.Receiving.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/receiving/v1/items");
        if (token is not null)
        {
            request.Headers.Add(IdentityTokens.Header, token);
        }

        request.Headers.Add("X-Seller-Id", "identity-seller");

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task A_valid_identity_without_the_write_scope_may_read_but_not_write()
    {
        var readOnly = _services.Receiving.ClientFor("identity-reader", PlatformScopes.InventoryRead);

        var read = await readOnly.GetAsync("/api/receiving/v1/items");
        var write = await readOnly.PostAsJsonAsync("/api/receiving/v1/items", new { sellerSku = "X" });

        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.items WHERE seller_id = 'identity-reader'"), Is.Zero);
    }

    [Test]
    public async Task Health_stays_open_without_an_identity()
    {
        using var client = _services.Receiving.CreateClient();

        var response = await client.GetAsync("/alive");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_key_rotation_walked_with_requests_running_throughout_refuses_none_of_them()
    {
        var lifetime = TimeSpan.FromSeconds(3);
        var current = IdentitySigningKey.Generate("rotation-1");
        var next = IdentitySigningKey.Generate("rotation-2");
        var gateway = new IdentityTokenIssuer([current], current.KeyId, TimeProvider.System, lifetime);
        var settings = new ReloadableSettings();
        settings.Change(IdentityTokens.JwksSetting, gateway.Jwks);
        await using var receiving = new ServiceHost<ReceivingMarker>(
            DatabaseProvider.Postgres,
            _services.Database,
            _services.Messaging,
            host => host.ConfigureAppConfiguration(configuration => configuration.Add(settings))
        );
        using var probe = receiving.CreateClient();
        var caller = new CallerIdentity("rotation-seller", [PlatformScopes.InventoryRead]);
        // Before the next key is published a service refuses it: switching signing first would fail requests.
        var unpublished = await SendAsync(probe, Signer(next).Issue(caller));

        var statuses = new ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable
            .Range(0, 4)
            .Select(_ =>
                Task.Run(async () =>
                {
                    using var client = receiving.CreateClient();
                    while (!stop.IsCancellationRequested)
                    {
                        statuses.Add(await SendAsync(client, gateway.Issue(caller)));
                    }
                })
            )
            .ToList();

        await Task.Delay(TimeSpan.FromSeconds(1));
        // 1. Publish: the gateway holds the next key and the services trust it, signing still with the current one.
        gateway.Use([current, next], current.KeyId);
        settings.Change(IdentityTokens.JwksSetting, gateway.Jwks);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var beforeSwitch = statuses.Count;
        // 2. Switch signing to the next key.
        gateway.Use([current, next], next.KeyId);
        // 3. Retire the old key once every token it signed has expired.
        await Task.Delay(lifetime + TimeSpan.FromSeconds(1));
        gateway.Use([next], next.KeyId);
        settings.Change(IdentityTokens.JwksSetting, gateway.Jwks);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var retired = await SendAsync(probe, Signer(current).Issue(caller));

        Assert.That(unpublished, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(beforeSwitch, Is.GreaterThan(20), "requests ran before the switch");
        Assert.That(statuses.Count - beforeSwitch, Is.GreaterThan(20), "requests ran after the switch");
        Assert.That(statuses.Where(s => s != HttpStatusCode.OK).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()), Is.Empty);
        Assert.That(retired, Is.EqualTo(HttpStatusCode.Unauthorized), "a token of the retired key, though unexpired, is refused");
        Assert.That(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(gateway.Issue(caller)).Kid, Is.EqualTo("rotation-2"));
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/receiving/v1/items");
        request.Headers.Add(IdentityTokens.Header, token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static IdentityTokenIssuer Signer(IdentitySigningKey key) => new([key], key.KeyId, TimeProvider.System);

    // The format every service accepted before: v1.{payload}.{HMAC-SHA256}, the key shared by the gateway and the services.
    private static string OldFormatHmacToken(CallerIdentity caller)
    {
        var payload = Base64Url.EncodeToString(
            Encoding.UTF8.GetBytes(
                $"{{\"sub\":\"{caller.SellerId}\",\"scp\":[\"admin\"],\"exp\":{DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds()}}}"
            )
        );
        var key = Encoding.ASCII.GetBytes("integration-tests-signing-key-0123456789");
        return $"v1.{payload}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)))}";
    }

    private static string UnsignedToken(CallerIdentity caller)
    {
        var valid = TestIdentity.Tokens.Issue(caller);
        var header = Base64Url.EncodeToString(
            Encoding.UTF8.GetBytes($"{{\"alg\":\"none\",\"kid\":\"{TestIdentity.SigningKey.KeyId}\",\"typ\":\"JWT\"}}")
        );
        return $"{header}.{valid.Split('.')[1]}.";
    }

    private static string WithPayload(string token, Func<string, string> change)
    {
        var parts = token.Split('.');
        var payload = change(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])));
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }
}

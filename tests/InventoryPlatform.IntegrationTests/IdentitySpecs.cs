using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.IntegrationTests;

/// <summary>A service trusts only identities the gateway signed, and only for the scopes they carry.</summary>
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
        var stranger = new IdentityTokens(Convert.ToBase64String(new byte[32]), TimeProvider.System);
        var caller = new CallerIdentity("identity-seller", TestIdentity.PartnerScopes);
        yield return new TestCaseData(null).SetName("A request without an identity token is refused with 401");
        yield return new TestCaseData("v1.garbage.garbage").SetName("A malformed identity token is refused with 401");
        yield return new TestCaseData(stranger.Issue(caller)).SetName("A token signed with another key is refused with 401");
        yield return new TestCaseData(TestIdentity.Tokens.Issue(caller, TimeSpan.FromMinutes(-2))).SetName(
            "An expired token is refused with 401"
        );
        yield return new TestCaseData(TestIdentity.Tokens.Issue(caller).Replace("v1.", "v1.x", StringComparison.Ordinal)).SetName(
            "A tampered token is refused with 401"
        );
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
}

using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// One service running in the test process against the fixture's real database and virtual host,
/// with short retry intervals so failure paths finish in seconds. <paramref name="configure"/> replaces services
/// (a FakeTimeProvider for ageing and schedules) or adds settings.
/// </summary>
public sealed class ServiceHost<TServiceMarker>(
    DatabaseProvider provider,
    string database,
    string messaging,
    Action<IWebHostBuilder>? configure = null
) : WebApplicationFactory<TServiceMarker>
    where TServiceMarker : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:inventory", database);
        builder.UseSetting("ConnectionStrings:messaging", messaging);
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting(IdentityTokens.JwksSetting, TestIdentity.Jwks);
        builder.UseSetting("Messaging:RetryIntervals:0", "00:00:00.050");
        builder.UseSetting("Messaging:RetryIntervals:1", "00:00:00.100");
        builder.UseSetting("Messaging:RedeliveryIntervals:0", "00:00:00.200");
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200");
        builder.UseSetting("Messaging:Outbox:PublishTimeout", "00:00:03");
        builder.UseSetting("Receiving:Capacity:RequestTimeout", "00:00:05");
        configure?.Invoke(builder);
    }

    /// <summary>A client acting as the seller, as the gateway would forward it (a fresh signed identity per request).</summary>
    public HttpClient ClientFor(string sellerId, params string[] scopes) =>
        CreateDefaultClient(
            new TestIdentity.Handler(new CallerIdentity(sellerId, scopes.Length > 0 ? scopes : TestIdentity.PartnerScopes))
        );
}

/// <summary>Signs caller identities the way the gateway does, with a key pair of the run whose public key the test hosts trust.</summary>
public static class TestIdentity
{
    public static readonly IdentitySigningKey SigningKey = IdentitySigningKey.Generate("integration-tests");

    /// <summary>The JWKS of <see cref="SigningKey"/>'s public key: all a service under test is given.</summary>
    public static readonly string Jwks = IdentitySigningKey.Jwks([SigningKey]);

    public static readonly string[] PartnerScopes = [.. PlatformScopes.All.Where(s => s != PlatformScopes.Admin)];

    public static IdentityTokenIssuer Tokens { get; } = new([SigningKey], SigningKey.KeyId, TimeProvider.System);

    public sealed class Handler(CallerIdentity identity) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(IdentityTokens.Header);
            request.Headers.Add(IdentityTokens.Header, Tokens.Issue(identity));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>Polls until a condition holds; events cross the broker asynchronously.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        T last;
        do
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            await Task.Delay(100);
        } while (DateTime.UtcNow < deadline);

        Assert.Fail($"Timed out after {timeout.TotalSeconds} s waiting for {what}; last seen: {last}");
        return last;
    }
}

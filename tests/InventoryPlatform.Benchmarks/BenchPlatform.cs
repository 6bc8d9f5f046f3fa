using System.Net.Http.Json;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using InventoryPlatform.Hosting;
using InventoryPlatform.IntegrationTests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// The whole platform (AppHost: six services and the gateway) on the PostgreSQL and RabbitMQ that
/// scripts/bench.sh started, on a fresh database and virtual host, with HTTP clients for the gateway
/// and for each service directly.
/// </summary>
public sealed class BenchPlatform : IAsyncDisposable
{
    private readonly DistributedApplication _app;

    // The benchmark signs identities for its direct-to-service clients, so it gives the gateway this key pair and the services
    // its public key, as the AppHost does with the pair it generates.
    private static readonly IdentitySigningKey SigningKey = IdentitySigningKey.Generate("bench");
    private readonly IdentityTokenIssuer _tokens = new([SigningKey], SigningKey.KeyId, TimeProvider.System);

    private BenchPlatform(DistributedApplication app, string database)
    {
        _app = app;
        Database = database;
    }

    public string Database { get; }

    public static async Task<BenchPlatform> StartAsync(BenchOptions options)
    {
        var admin = Required("INVENTORY_TEST_POSTGRES");
        var name = $"bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        // Six services and the gateway share one PostgreSQL (max_connections 300): 40 connections each at most.
        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 40 }.ConnectionString;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.InventoryPlatform_AppHost>([
            "Infrastructure:Mode=External",
            $"ConnectionStrings:inventory={database}",
            $"ConnectionStrings:messaging={Required("INVENTORY_TEST_RABBITMQ")}",
            $"Identity:KeyId={SigningKey.KeyId}",
            $"Identity:PrivateKey={SigningKey.PrivateKeyBase64()}",
            // No dashboard runs here: without this every process would export telemetry to nowhere and retry.
            $"Telemetry:Export={(options.Values.GetValueOrDefault("telemetry") == "on" ? "true" : "false")}",
        ]);
        // A log line per request of the benchmark's own clients would compete with the platform for the two cores.
        builder.Services.AddLogging(logging => logging.AddFilter("System.Net.Http", LogLevel.Warning));
        var app = await builder.BuildAsync();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await app.StartAsync(startup.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
        Console.WriteLine($"Platform up on database {name}.");
        return new BenchPlatform(app, database);
    }

    /// <summary>
    /// An HTTP client acting as a seller: through the "gateway" with an API key issued for the run (rate limit
    /// high enough not to be what is measured), or straight to a service ("receiving", "allocation", ...) with
    /// the signed identity the gateway would have added.
    /// </summary>
    public HttpClient Client(string resource, string sellerId) => Client(resource, sellerId, null);

    /// <summary>As <see cref="Client(string, string)"/>, but sent to <paramref name="via"/> (a proxy in front of the resource) when
    /// given.</summary>
    public HttpClient Client(string resource, string sellerId, Uri? via)
    {
        // Plain clients on the resource's address: the app's logging clients write several lines per request,
        // which at thousands of requests a second would measure the console rather than the platform.
        var sockets = new SocketsHttpHandler { MaxConnectionsPerServer = 512 };
        if (resource != "gateway")
        {
            var caller = new CallerIdentity(sellerId, [.. PlatformScopes.All.Where(s => s != PlatformScopes.Admin)]);
            return new HttpClient(new SignedIdentity(_tokens, caller) { InnerHandler = sockets })
            {
                BaseAddress = via ?? Endpoint(resource),
            };
        }

        var client = new HttpClient(sockets) { BaseAddress = via ?? Endpoint("gateway") };
        client.DefaultRequestHeaders.Add("X-Api-Key", IssueKeyAsync(sellerId).GetAwaiter().GetResult());
        return client;
    }

    public Uri Endpoint(string resource) => _app.GetEndpoint(resource, "http");

    /// <summary>Operations through the gateway with the development admin key (FC bins, network edits).</summary>
    public HttpClient AdminClient()
    {
        var admin = _app.CreateHttpClient("gateway");
        admin.DefaultRequestHeaders.Add("X-Api-Key", "dev-admin-key");
        return admin;
    }

    private async Task<string> IssueKeyAsync(string sellerId)
    {
        using var admin = AdminClient();
        var response = await admin.PostAsJsonAsync(
            "/api/gateway/v1/keys",
            new
            {
                sellerId,
                scopes = PlatformScopes.All.Where(s => s != PlatformScopes.Admin),
                permitsPerSecond = 10_000,
                burst = 100_000,
            }
        );
        response.EnsureSuccessStatusCode();
        return (await response.ReadAsync<IssuedKey>()).Key;
    }

    private sealed class SignedIdentity(IdentityTokenIssuer tokens, CallerIdentity caller) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add(IdentityTokens.Header, tokens.Issue(caller));
            return base.SendAsync(request, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run through scripts/bench.sh.");
}

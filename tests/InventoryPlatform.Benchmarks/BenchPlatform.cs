using Aspire.Hosting;
using Aspire.Hosting.Testing;
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

        var database = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 200 }.ConnectionString;
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.InventoryPlatform_AppHost>(
        [
            "Infrastructure:Mode=External",
            $"ConnectionStrings:inventory={database}",
            $"ConnectionStrings:messaging={Required("INVENTORY_TEST_RABBITMQ")}",
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

    /// <summary>An HTTP client for a resource ("gateway", "receiving", "allocation", ...) acting as a seller.</summary>
    public HttpClient Client(string resource, string sellerId)
    {
        var client = _app.CreateHttpClient(resource);
        client.DefaultRequestHeaders.Add("X-Seller-Id", sellerId);
        return client;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"{variable} is not set: run through scripts/bench.sh.");
}

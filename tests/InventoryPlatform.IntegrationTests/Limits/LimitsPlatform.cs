using Dapper;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits;
using InventoryPlatform.Limits.Api;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.SqlClient;
using Npgsql;
using LimitsMarker = InventoryPlatform.Limits.Messaging.ReserveCapacityConsumer;
using ReceivingMarker = InventoryPlatform.Receiving.Application.RecordScansHandler;

namespace InventoryPlatform.IntegrationTests.LimitsSpecs;

/// <summary>
/// Limits (optionally with Receiving in front of it) on a fresh database and virtual host, with settings of the spec's own
/// (small starter limits, a fast schedule), and a test bus that publishes events the way the other services would.
/// </summary>
public sealed class LimitsPlatform : IAsyncDisposable
{
    private LimitsPlatform(
        DatabaseProvider provider,
        string database,
        string messaging,
        IReadOnlyDictionary<string, string> settings,
        bool withReceiving
    )
    {
        Provider = provider;
        Database = database;
        Messaging = messaging;
        Limits = new ServiceHost<LimitsMarker>(provider, database, messaging, host =>
        {
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });
        Receiving = withReceiving ? new ServiceHost<ReceivingMarker>(provider, database, messaging) : null;
    }

    public DatabaseProvider Provider { get; }

    public string Database { get; }

    public string Messaging { get; }

    public ServiceHost<LimitsMarker> Limits { get; }

    public ServiceHost<ReceivingMarker>? Receiving { get; }

    public IBusControl Bus { get; private set; } = null!;

    public static async Task<LimitsPlatform> StartAsync(
        DatabaseProvider provider,
        string name,
        IReadOnlyDictionary<string, string> settings,
        bool withReceiving
    )
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(provider, name);
        var messaging = await TestInfrastructure.CreateVirtualHostAsync(name);
        var platform = new LimitsPlatform(provider, database, messaging, settings, withReceiving);
        platform.Limits.CreateClient().Dispose();
        if (platform.Receiving is not null)
        {
            using var receiving = platform.Receiving.CreateClient();
            await Eventually.Until(
                async () => (await receiving.GetAsync("/health")).IsSuccessStatusCode,
                healthy => healthy,
                TimeSpan.FromSeconds(30),
                "Receiving healthy"
            );
        }

        await TestInfrastructure.UntilConsumingAsync(messaging, LimitsService.Descriptor);

        platform.Bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(messaging)));
        await platform.Bus.StartAsync();
        return platform;
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using System.Data.Common.DbConnection connection =
            Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(Database) : new SqlConnection(Database);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("No value.");
    }

    /// <summary>The seller's usage row of one storage type from GET /usage.</summary>
    public static async Task<UsageView> UsageOfAsync(HttpClient limits, StorageType storageType)
    {
        var response = await limits.GetAsync("/api/limits/v1/usage");
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<UsageResponse>()).Usage.Single(u => u.StorageType == storageType);
    }

    public async ValueTask DisposeAsync()
    {
        if (Bus is not null)
        {
            await Bus.StopAsync();
        }

        if (Receiving is not null)
        {
            await Receiving.DisposeAsync();
        }

        await Limits.DisposeAsync();
    }
}

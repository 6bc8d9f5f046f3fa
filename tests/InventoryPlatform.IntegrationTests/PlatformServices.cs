using Dapper;
using InventoryPlatform.Data;
using Microsoft.Data.SqlClient;
using Npgsql;
using AllocationMarker = InventoryPlatform.Allocation.Data.StockRepository;
using ReceivingMarker = InventoryPlatform.Receiving.Api.ScanIntake;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Receiving and Allocation running in the test process on a fresh database and virtual host of the
/// real PostgreSQL (or SQL Server) and RabbitMQ: the two ends of the first flow.
/// </summary>
public sealed class PlatformServices : IAsyncDisposable
{
    private PlatformServices(DatabaseProvider provider, string database, string messaging)
    {
        Provider = provider;
        Database = database;
        Messaging = messaging;
        Receiving = new ServiceHost<ReceivingMarker>(provider, database, messaging);
        Allocation = new ServiceHost<AllocationMarker>(provider, database, messaging);
    }

    public DatabaseProvider Provider { get; }

    public string Database { get; }

    public string Messaging { get; }

    public ServiceHost<ReceivingMarker> Receiving { get; }

    public ServiceHost<AllocationMarker> Allocation { get; }

    public static async Task<PlatformServices> StartAsync(DatabaseProvider provider, string name)
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(provider, name);
        var messaging = await TestInfrastructure.CreateVirtualHostAsync(name);
        var services = new PlatformServices(provider, database, messaging);
        services.Receiving.CreateClient().Dispose();
        services.Allocation.CreateClient().Dispose();
        // Published events only reach queues that exist: wait until Allocation's bus has declared its queue.
        await Eventually.Until(
            () => TestInfrastructure.QueueExistsAsync(messaging, "allocation-units-received"), exists => exists, TimeSpan.FromSeconds(30),
            "Allocation's units-received queue");
        return services;
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("No value.");
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await OpenAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    private async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        System.Data.Common.DbConnection connection = Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(Database) : new SqlConnection(Database);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Receiving.DisposeAsync();
        await Allocation.DisposeAsync();
    }
}

using Dapper;
using InventoryPlatform.Data;
using MassTransit;
using Microsoft.Data.SqlClient;
using Npgsql;
using AllocationMarker = InventoryPlatform.Allocation.Data.StockRepository;
using ReturnsMarker = InventoryPlatform.Returns.Application.GradeReturnedUnitsHandler;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Allocation and Returns in the test process on one fresh database and virtual host: orders ship in Allocation, the real
/// OrderShipped reaches Returns, and graded returns go back to Allocation's ledger. A test bus publishes what Receiving would.
/// </summary>
public sealed class ReturnsServices : IAsyncDisposable
{
    /// <summary>Low enough that a handful of returns in a spec crosses it.</summary>
    public const double HighReturnRateThreshold = 0.4;

    private ReturnsServices(DatabaseProvider provider, string database, string messaging)
    {
        Provider = provider;
        Database = database;
        Messaging = messaging;
        Allocation = new ServiceHost<AllocationMarker>(provider, database, messaging);
        Returns = new ServiceHost<ReturnsMarker>(provider, database, messaging, host =>
        {
            host.UseSetting(
                "Returns:HighReturnRateThreshold",
                HighReturnRateThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)
            );
            host.UseSetting("Returns:HighReturnRateMinimumShippedUnits", "1");
            host.UseSetting("Returns:WindowDaysByMarketplace:UK", "14");
            host.UseSetting("Returns:AlarmSweepInterval", "00:00:00.500");
        });
    }

    public DatabaseProvider Provider { get; }

    public string Database { get; }

    public string Messaging { get; }

    public ServiceHost<AllocationMarker> Allocation { get; }

    public ServiceHost<ReturnsMarker> Returns { get; }

    public IBusControl Bus { get; private set; } = null!;

    public static async Task<ReturnsServices> StartAsync(DatabaseProvider provider, string name)
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(provider, name);
        var messaging = await TestInfrastructure.CreateVirtualHostAsync(name);
        var services = new ReturnsServices(provider, database, messaging);
        services.Allocation.CreateClient().Dispose();
        services.Returns.CreateClient().Dispose();
        // Published events only reach queues that exist: wait until both buses have declared what the specs rely on.
        foreach (
            var queue in new[]
            {
                "allocation-units-received",
                "allocation-return-restocked",
                "allocation-unsellable-return-received",
                "returns-order-shipped",
            }
        )
        {
            await Eventually.Until(
                () => TestInfrastructure.QueueExistsAsync(messaging, queue),
                exists => exists,
                TimeSpan.FromSeconds(30),
                queue
            );
        }

        services.Bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(messaging)));
        await services.Bus.StartAsync();
        return services;
    }

    public Task<T> ScalarAsync<T>(string sql, object? parameters = null) =>
        TestInfrastructure.ScalarAsync<T>(Provider, Database, sql, parameters);

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        TestInfrastructure.QueryAsync<T>(Provider, Database, sql, parameters);

    public async ValueTask DisposeAsync()
    {
        if (Bus is not null)
        {
            await Bus.StopAsync();
        }

        await Returns.DisposeAsync();
        await Allocation.DisposeAsync();
    }
}

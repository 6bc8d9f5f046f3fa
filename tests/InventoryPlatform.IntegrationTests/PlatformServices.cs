using Dapper;
using InventoryPlatform.Allocation;
using InventoryPlatform.Data;
using InventoryPlatform.Limits;
using InventoryPlatform.Receiving;
using MassTransit;
using Microsoft.Data.SqlClient;
using Npgsql;
using AllocationMarker = InventoryPlatform.Allocation.Data.StockRepository;
using LimitsMarker = InventoryPlatform.Limits.Messaging.ReserveCapacityConsumer;
using ReceivingMarker = InventoryPlatform.Receiving.Application.RecordScansHandler;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Receiving and Allocation running in the test process on a fresh database and virtual host of the
/// real PostgreSQL (or SQL Server) and RabbitMQ: the two ends of the first flow, and Limits, which answers
/// Receiving's capacity requests (a fixture that answers them itself starts without it).
/// </summary>
public sealed class PlatformServices : IAsyncDisposable
{
    private PlatformServices(DatabaseProvider provider, string database, string messaging, bool withLimits)
    {
        Limits = withLimits ? new ServiceHost<LimitsMarker>(provider, database, messaging) : null;
        Provider = provider;
        Database = database;
        Messaging = messaging;
        Receiving = new ServiceHost<ReceivingMarker>(provider, database, messaging);
        Allocation = new ServiceHost<AllocationMarker>(provider, database, messaging);
    }

    private readonly List<MassTransit.IBusControl> _testBuses = [];

    public DatabaseProvider Provider { get; }

    public string Database { get; }

    public string Messaging { get; }

    public ServiceHost<ReceivingMarker> Receiving { get; }

    public ServiceHost<AllocationMarker> Allocation { get; }

    public ServiceHost<LimitsMarker>? Limits { get; }

    public static async Task<PlatformServices> StartAsync(DatabaseProvider provider, string name, bool withLimits = true)
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(provider, name);
        var messaging = await TestInfrastructure.CreateVirtualHostAsync(name);
        var services = new PlatformServices(provider, database, messaging, withLimits);
        services.Receiving.CreateClient().Dispose();
        services.Allocation.CreateClient().Dispose();
        // /health includes the bus: Receiving's request client needs its bus connected to hear Limits' answers.
        using var receiving = services.Receiving.CreateClient();
        await Eventually.Until(
            async () => (await receiving.GetAsync("/health")).IsSuccessStatusCode,
            healthy => healthy,
            TimeSpan.FromSeconds(30),
            "Receiving healthy"
        );
        if (services.Limits is not null)
        {
            services.Limits.CreateClient().Dispose();
            await TestInfrastructure.UntilConsumingAsync(messaging, LimitsService.Descriptor);
        }

        await TestInfrastructure.UntilConsumingAsync(messaging, AllocationService.Descriptor, ReceivingService.Descriptor);
        return services;
    }

    public Task<T> ScalarAsync<T>(string sql, object? parameters = null) =>
        TestInfrastructure.ScalarAsync<T>(Provider, Database, sql, parameters);

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        TestInfrastructure.QueryAsync<T>(Provider, Database, sql, parameters);

    /// <summary>
    /// A bus of the test's own on the fixture's virtual host, for publishing events the way another service
    /// would; stopped with the fixture.
    /// </summary>
    public async Task<MassTransit.IBusControl> StartTestBusAsync()
    {
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(Messaging)));
        await bus.StartAsync();
        _testBuses.Add(bus);
        return bus;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var bus in _testBuses)
        {
            await bus.StopAsync();
        }

        await Receiving.DisposeAsync();
        await Allocation.DisposeAsync();
        if (Limits is not null)
        {
            await Limits.DisposeAsync();
        }
    }
}

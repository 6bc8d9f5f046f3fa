using Dapper;
using InventoryPlatform.Allocation;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation;
using MassTransit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using AllocationMarker = InventoryPlatform.Allocation.Data.StockRepository;
using LiquidationMarker = InventoryPlatform.Liquidation.Application.RecommendationHandler;

namespace InventoryPlatform.IntegrationTests.LiquidationFlow;

/// <summary>
/// Allocation and Liquidation in the test process on a fresh database and virtual host. Liquidation runs on a
/// <see cref="FakeTimeProvider"/> the specs move forward, so units age by hundreds of days in a second. The clock starts
/// 1000 days in the past: while the specs move it forward by less than that in total it is still before the real time the test signs
/// identities with, so tokens stay valid.
/// </summary>
public sealed class LiquidationServices : IAsyncDisposable
{
    private readonly List<IBusControl> _buses = [];

    private LiquidationServices(DatabaseProvider provider, string database, string messaging)
    {
        Provider = provider;
        Database = database;
        Messaging = messaging;
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-1000));
        Allocation = new ServiceHost<AllocationMarker>(provider, database, messaging);
        Liquidation = new ServiceHost<LiquidationMarker>(provider, database, messaging, web =>
        {
            // The scheduled refresh would wake on every jump of the fake clock; specs run recomputes and rounds themselves.
            web.UseSetting("Liquidation:Refresh:Enabled", "false");
            web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
    }

    public DatabaseProvider Provider { get; }

    public string Database { get; }

    public string Messaging { get; }

    public FakeTimeProvider Clock { get; }

    public ServiceHost<AllocationMarker> Allocation { get; }

    public ServiceHost<LiquidationMarker> Liquidation { get; }

    public IBusControl Bus { get; private set; } = null!;

    public static async Task<LiquidationServices> StartAsync(DatabaseProvider provider, string name)
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(provider, name);
        var messaging = await TestInfrastructure.CreateVirtualHostAsync(name);
        var services = new LiquidationServices(provider, database, messaging);
        services.Allocation.CreateClient().Dispose();
        services.Liquidation.CreateClient().Dispose();
        await TestInfrastructure.UntilConsumingAsync(messaging, AllocationService.Descriptor, LiquidationService.Descriptor);

        services.Bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(messaging)));
        await services.Bus.StartAsync();
        services._buses.Add(services.Bus);
        return services;
    }

    public Task<T> ScalarAsync<T>(string sql, object? parameters = null) =>
        TestInfrastructure.ScalarAsync<T>(Provider, Database, sql, parameters);

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        TestInfrastructure.QueryAsync<T>(Provider, Database, sql, parameters);

    public async ValueTask DisposeAsync()
    {
        foreach (var bus in _buses)
        {
            await bus.StopAsync();
        }

        await Liquidation.DisposeAsync();
        await Allocation.DisposeAsync();
    }
}

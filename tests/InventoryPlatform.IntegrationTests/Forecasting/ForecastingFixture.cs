using Dapper;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ForecastingMarker = InventoryPlatform.Forecasting.Application.RefreshForecastsHandler;

namespace InventoryPlatform.IntegrationTests.DemandForecasting;

/// <summary>
/// Forecasting alone in the test process on a fresh database and virtual host, on a fake clock (so the schedule and
/// "today" are the test's), with a small global model so refreshes take a moment; and a test bus that publishes
/// OrderShipped and StockChanged the way Allocation would.
/// </summary>
public sealed class ForecastingFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private ForecastingFixture(DatabaseProvider provider, string database, string messaging)
    {
        Provider = provider;
        Database = database;
        Messaging = messaging;
        Service = new ServiceHost<ForecastingMarker>(provider, database, messaging, builder =>
        {
            builder.UseSetting("Forecasting:GlobalTrees", "25");
            builder.UseSetting("Forecasting:PollSeconds", "1");
            builder.UseSetting("Forecasting:RefreshMinutes", "60");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public DatabaseProvider Provider { get; }

    public string Database { get; }

    public string Messaging { get; }

    public ServiceHost<ForecastingMarker> Service { get; }

    public IBusControl Bus { get; private set; } = null!;

    public static async Task<ForecastingFixture> StartAsync(DatabaseProvider provider, string name)
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(provider, name);
        var messaging = await TestInfrastructure.CreateVirtualHostAsync(name);
        var fixture = new ForecastingFixture(provider, database, messaging);
        using var client = fixture.Service.CreateClient();
        await Eventually.Until(
            async () => (await client.GetAsync("/health")).IsSuccessStatusCode,
            healthy => healthy,
            TimeSpan.FromSeconds(30),
            "Forecasting healthy"
        );
        await TestInfrastructure.UntilConsumingAsync(messaging, ForecastingService.Descriptor);
        fixture.Bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(messaging)));
        await fixture.Bus.StartAsync();
        return fixture;
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using System.Data.Common.DbConnection connection =
            Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(Database) : new SqlConnection(Database);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("No value.");
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using System.Data.Common.DbConnection connection =
            Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(Database) : new SqlConnection(Database);
        await connection.OpenAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        if (Bus is not null)
        {
            await Bus.StopAsync();
        }

        await Service.DisposeAsync();
    }
}

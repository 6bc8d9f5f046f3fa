using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using ForecastingData = InventoryPlatform.Forecasting.Data;
using ForecastingMessaging = InventoryPlatform.Forecasting.Messaging;
using LimitsData = InventoryPlatform.Limits.Data;
using LimitsMessaging = InventoryPlatform.Limits.Messaging;
using LimitsOptions = InventoryPlatform.Limits.LimitsOptions;
using LimitsService = InventoryPlatform.Limits.LimitsService;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// The group-committed <c>StockChanged</c> handlers of Limits and Forecasting, given one batch directly on their migrated
/// schemas: out-of-order versions of one FC, several FCs of one FNSKU and two days in a single transaction end as if
/// each change had been applied alone, in version order.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class StockChangedBatchSpecs(DatabaseProvider provider)
{
    private const string Seller = "batch-seller";
    private static readonly DateTimeOffset DayOne = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Limits_keeps_each_FCs_newest_balance_and_each_days_snapshot_over_all_FCs()
    {
        var (database, connectionString) = await MigratedAsync(typeof(LimitsService).Assembly, "limits");
        var handler = new LimitsMessaging.StockChangedBatch(
            new LimitsData.UsageRepository(database),
            new LimitsData.SellerAccounts(database, new Outbox(database, new OutboxSignal()), new LimitsOptions(), TimeProvider.System)
        );

        await database.InTransactionAsync(
            unit =>
                handler.HandleAsync(
                    [
                        Change("SEA1", onHand: 10, reserved: 2, version: 2, DayOne),
                        Change("SEA1", onHand: 7, reserved: 0, version: 1, DayOne), // older, arrived later
                        Change("PHX3", onHand: 5, reserved: 1, version: 1, DayOne.AddHours(1)),
                        Change("SEA1", onHand: 4, reserved: 0, version: 3, DayOne.AddDays(1)),
                    ],
                    unit
                ),
            CancellationToken.None
        );
        // A later batch with an older version of SEA1 changes nothing.
        await database.InTransactionAsync(
            unit => handler.HandleAsync([Change("SEA1", onHand: 99, reserved: 0, version: 2, DayOne.AddDays(1))], unit),
            CancellationToken.None
        );

        var stock = await TestInfrastructure.QueryAsync<(string Fc, int OnHand, int Available, long Version)>(
            provider,
            connectionString,
            "SELECT fulfillment_center, on_hand, available, version FROM limits.stock ORDER BY fulfillment_center"
        );
        Assert.That(stock, Is.EqualTo(new[] { ("PHX3", 5, 4, 1L), ("SEA1", 4, 4, 3L) }));
        var days = await TestInfrastructure.QueryAsync<(int OnHand, int Available)>(
            provider,
            connectionString,
            "SELECT on_hand, available FROM limits.stock_days ORDER BY day"
        );
        Assert.That(days, Is.EqualTo(new[] { (15, 12), (9, 8) }), "day one: SEA1 v2 + PHX3; day two: SEA1 v3 + PHX3");
    }

    [Test]
    public async Task Forecasting_keeps_each_FCs_newest_available_and_inbound()
    {
        var (database, connectionString) = await MigratedAsync(typeof(ForecastingData.SalesRepository).Assembly, "forecasting");
        Dapper.SqlMapper.AddTypeHandler(new ForecastingData.DateOnlyColumn());
        var sales = new ForecastingData.SalesRepository(database);
        var handler = new ForecastingMessaging.StockChangedBatch(
            sales,
            new InventoryPlatform.Forecasting.Application.ReplenishmentEvaluator(
                sales,
                new ForecastingData.CalendarRepository(database),
                new ForecastingData.ForecastRepository(database),
                new Outbox(database, new OutboxSignal()),
                TimeProvider.System
            )
        );

        await database.InTransactionAsync(
            unit =>
                handler.HandleAsync(
                    [
                        Change("SEA1", onHand: 10, reserved: 2, version: 2, DayOne),
                        Change("SEA1", onHand: 7, reserved: 0, version: 1, DayOne),
                        Change("PHX3", onHand: 5, reserved: 1, version: 1, DayOne),
                    ],
                    unit
                ),
            CancellationToken.None
        );
        await database.InTransactionAsync(
            unit => handler.HandleAsync([Change("PHX3", onHand: 99, reserved: 0, version: 1, DayOne)], unit),
            CancellationToken.None
        );

        var stock = await TestInfrastructure.QueryAsync<(string Fc, int Available, int Inbound, long Version)>(
            provider,
            connectionString,
            "SELECT fulfillment_center, available, inbound + in_transit AS inbound, version FROM forecasting.stock "
                + "ORDER BY fulfillment_center"
        );
        Assert.That(stock, Is.EqualTo(new[] { ("PHX3", 4, 3, 1L), ("SEA1", 8, 3, 2L) }));
        Assert.That(
            await TestInfrastructure.ScalarAsync<int>(
                provider,
                connectionString,
                "SELECT COUNT(*) FROM forecasting.items WHERE fnsku = 'B000BATCH1'"
            ),
            Is.EqualTo(1)
        );
    }

    [Test]
    public async Task Forecasting_reports_which_stock_changes_it_applied()
    {
        var (database, _) = await MigratedAsync(typeof(ForecastingData.SalesRepository).Assembly, "forecasting");
        var sales = new ForecastingData.SalesRepository(database);
        Task<bool[]> RecordAsync(params (string Fnsku, string Fc, long Version)[] changes) =>
            database.InTransactionAsync(
                unit =>
                    sales.RecordStockAsync(
                        unit,
                        changes
                            .Select(c => new ForecastingData.StockFigures(Seller, c.Fnsku, c.Fc, 5, 0, 0, c.Version, DayOne.UtcDateTime))
                            .ToList()
                    ),
                CancellationToken.None
            );

        Assert.That(
            await RecordAsync(("B000BATCH1", "PHX3", 1), ("B000BATCH1", "SEA1", 2), ("B000BATCH2", "SEA1", 1)),
            Is.EqualTo(new[] { true, true, true }),
            "first figures"
        );
        Assert.That(
            await RecordAsync(("B000BATCH1", "PHX3", 1), ("B000BATCH1", "SEA1", 1), ("B000BATCH2", "SEA1", 2)),
            Is.EqualTo(new[] { false, false, true }),
            "the same version and an older one change nothing; a newer one applies"
        );
    }

    private static StockChanged Change(string fc, int onHand, int reserved, long version, DateTimeOffset at) =>
        new(
            Guid.NewGuid(),
            at,
            Seller,
            Guid.NewGuid(),
            "B000BATCH1",
            fc,
            onHand,
            reserved,
            Inbound: 2,
            InTransit: 1,
            Unfulfillable: 0,
            version,
            "Test"
        );

    private async Task<(Database Database, string ConnectionString)> MigratedAsync(System.Reflection.Assembly service, string schema)
    {
        var connectionString = await TestInfrastructure.CreateDatabaseAsync(provider, schema);
        var connections = new DbConnectionFactory(provider, connectionString);
        ISqlDialect dialect = provider == DatabaseProvider.Postgres ? new PostgresDialect() : new SqlServerDialect();
        await new DatabaseMigrator(connections, dialect, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(
            service,
            schema,
            createDatabase: false,
            CancellationToken.None
        );
        return (new Database(connections, dialect, SqlRetry.Create(1), schema), connectionString);
    }
}

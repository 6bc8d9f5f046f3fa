using Dapper;
using InventoryPlatform.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// PostgreSQL connections go back to the pool without a session reset (<see cref="DbConnectionFactory"/>). That is
/// safe only while nothing outlives a unit of work on a pooled session: not a transaction, not a session lock.
/// </summary>
public sealed class ConnectionPoolingSpecs
{
    [Test]
    public async Task A_pooled_session_comes_back_unreset_but_without_the_transaction_left_open_in_it()
    {
        var connectionString = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "pool");
        using var connections = new DbConnectionFactory(DatabaseProvider.Postgres, connectionString + ";Maximum Pool Size=1");
        int firstSession;
        await using (var first = await connections.OpenAsync(CancellationToken.None))
        {
            firstSession = await first.ExecuteScalarAsync<int>("SELECT pg_backend_pid()");
            await first.ExecuteAsync("SELECT set_config('application_name', 'left-as-it-was', false)");
            await first.ExecuteAsync("CREATE TABLE scratch (id int PRIMARY KEY)");
            var abandoned = await first.BeginTransactionAsync();
            await first.ExecuteAsync("INSERT INTO scratch VALUES (1)", transaction: abandoned);
        }

        await using var second = await connections.OpenAsync(CancellationToken.None);
        Assert.That(
            await second.ExecuteScalarAsync<int>("SELECT pg_backend_pid()"),
            Is.EqualTo(firstSession),
            "the pool handed out the same session"
        );
        Assert.That(
            await second.ExecuteScalarAsync<string>("SELECT current_setting('application_name')"),
            Is.EqualTo("left-as-it-was"),
            "no session reset on the way back to the pool (what it saves is the point of NoResetOnClose)"
        );
        Assert.That(
            await second.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM scratch"),
            Is.Zero,
            "the abandoned insert was rolled back (inside it, it would count 1)"
        );
    }

    [Test]
    public async Task The_migration_lock_is_released_when_the_migration_ends()
    {
        var connectionString = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "migrationlock");
        using var connections = new DbConnectionFactory(DatabaseProvider.Postgres, connectionString);
        var migrator = new DatabaseMigrator(connections, new PostgresDialect(), NullLogger<DatabaseMigrator>.Instance);

        await migrator.MigrateAsync(
            typeof(InventoryPlatform.Limits.LimitsService).Assembly,
            "limits",
            createDatabase: false,
            CancellationToken.None
        );

        // Another replica's connection (a pool of its own) must get the lock at once.
        await using var replica = new NpgsqlConnection(connectionString);
        Assert.That(await replica.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(hashtext('migrate:limits'))"), Is.True);
    }
}

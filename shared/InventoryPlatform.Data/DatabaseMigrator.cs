using System.Data.Common;
using System.Reflection;
using Dapper;
using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Data;

/// <summary>
/// Brings a service's schema up to date with DbUp at start-up. A session lock keeps two replicas of
/// the same service from migrating at once; the journal lives in the service's own schema.
/// </summary>
public sealed class DatabaseMigrator(DbConnectionFactory connections, ISqlDialect dialect, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(Assembly serviceAssembly, string schema, bool createDatabase, CancellationToken cancellationToken)
    {
        if (createDatabase)
        {
            EnsureDatabaseExists();
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var resource = new { resource = $"migrate:{schema}" };
        await connection.ExecuteAsync(new CommandDefinition(dialect.AcquireSessionLock, resource, cancellationToken: cancellationToken));
        try
        {
            await UpgradeAsync(connection, serviceAssembly, schema, cancellationToken);
        }
        finally
        {
            await ReleaseAsync(connection, resource, schema);
        }
    }

    private async Task UpgradeAsync(DbConnection connection, Assembly serviceAssembly, string schema, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(dialect.CreateSchemaIfMissing(schema), cancellationToken: cancellationToken));

        var scripts = MigrationScripts
            .For(connections.Provider, serviceAssembly, schema)
            .Select((s, i) => new SqlScript(s.Name, s.Sql, new SqlScriptOptions { RunGroupOrder = i }));

        var builder =
            connections.Provider == DatabaseProvider.Postgres
                ? DeployChanges
                    .To.PostgresqlDatabase(connections.ConnectionString, schema)
                    .JournalToPostgresqlTable(schema, "schema_versions")
                : DeployChanges.To.SqlDatabase(connections.ConnectionString, schema).JournalToSqlTable(schema, "schema_versions");

        var upgrade = builder.WithScripts(scripts).WithTransactionPerScript().WithVariablesDisabled().LogTo(new UpgradeLog(logger)).Build();

        var result = upgrade.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migrating schema '{schema}' failed at {result.ErrorScript?.Name}.", result.Error);
        }
    }

    /// <summary>
    /// Gives the lock back before the connection returns to the pool, which does not reset sessions. Not cancellable:
    /// a cancelled start-up must not leave the lock on a pooled connection. A connection that cannot run the release is
    /// broken, is not pooled again, and its session (and lock) ends with it.
    /// </summary>
    private async Task ReleaseAsync(DbConnection connection, object resource, string schema)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(dialect.ReleaseSessionLock, resource));
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Could not release the migration lock of schema {Schema}; it ends with its connection.", schema);
        }
    }

    private void EnsureDatabaseExists()
    {
        // Several services start together against one database: whoever loses the race to create it
        // sees "already exists", which is the outcome wanted.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (connections.Provider == DatabaseProvider.Postgres)
                {
                    EnsureDatabase.For.PostgresqlDatabase(connections.ConnectionString, new UpgradeLog(logger));
                }
                else
                {
                    EnsureDatabase.For.SqlDatabase(connections.ConnectionString, new UpgradeLog(logger));
                }

                return;
            }
            catch (Exception exception)
                when (attempt < 5
                    && (SqlRetry.IsTransient(exception) || exception.Message.Contains("already exists", StringComparison.OrdinalIgnoreCase))
                )
            {
                logger.LogInformation("Database creation raced or failed transiently ({Message}); checking again.", exception.Message);
                Thread.Sleep(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }

    // DbUp hands over printf-style formats; they are rendered here so log templates stay constant.
    private sealed class UpgradeLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace("{DbUp}", Render(format, args));

        public void LogDebug(string format, params object[] args) => logger.LogDebug("{DbUp}", Render(format, args));

        public void LogInformation(string format, params object[] args) => logger.LogInformation("{DbUp}", Render(format, args));

        public void LogWarning(string format, params object[] args) => logger.LogWarning("{DbUp}", Render(format, args));

        public void LogError(string format, params object[] args) => logger.LogError("{DbUp}", Render(format, args));

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{DbUp}", Render(format, args));

        private static string Render(string format, object[] args) =>
            args.Length == 0 ? format : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
    }
}

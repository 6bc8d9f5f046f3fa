using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace InventoryPlatform.Data;

/// <summary>Opens connections to the configured engine. One pooled data source per process.</summary>
public sealed class DbConnectionFactory : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _connectionString;

    public DbConnectionFactory(DatabaseProvider provider, string connectionString, int maxAutoPrepare = 0)
    {
        Provider = provider;
        _connectionString = connectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            // No session reset when a connection goes back to the pool: every unit of work begins and ends its own
            // transaction (Npgsql still rolls back one left open) and nothing here changes session settings, so the
            // reset (DISCARD ALL, or three statements when statements are prepared) was pure cost on every checkout:
            // without it PostgreSQL's CPU per order in the allocation benchmark fell from 1.8-2.3 to 1.5-1.6 ms in
            // the direct runs (docs/benchmarks.md). The one session lock, the migrator's, is released explicitly.
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
            if (string.IsNullOrEmpty(builder.ApplicationName))
            {
                // Sessions name their service in pg_stat_activity unless the connection string already does.
                builder.ApplicationName = System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name;
            }

            if (maxAutoPrepare > 0)
            {
                builder.MaxAutoPrepare = maxAutoPrepare;
            }

            _postgres = NpgsqlDataSource.Create(builder.ConnectionString);
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString => _connectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _postgres?.Dispose();
}

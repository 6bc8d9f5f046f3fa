using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace InventoryPlatform.Data;

/// <summary>Opens connections to the configured engine. One pooled data source per process.</summary>
public sealed class DbConnectionFactory : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _connectionString;

    public DbConnectionFactory(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        _connectionString = connectionString;
        if (provider == DatabaseProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(WithStatementPreparation(connectionString));
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

    /// <summary>
    /// Unless the connection string says otherwise, Npgsql prepares the statements a connection runs repeatedly, so
    /// PostgreSQL parses and plans each of them once per connection instead of on every call. Planning the handful of
    /// small statements of an order, and of every consumer's inbox and projection writes, was most of the database's
    /// CPU per order (see docs/benchmarks.md). The platform's queries name their columns, so a column added by a
    /// later migration does not invalidate a prepared statement's result.
    /// </summary>
    public static string WithStatementPreparation(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    public void Dispose() => _postgres?.Dispose();
}

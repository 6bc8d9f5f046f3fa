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
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
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

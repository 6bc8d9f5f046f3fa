using System.Data;
using System.Data.Common;
using Dapper;
using Polly;

namespace InventoryPlatform.Data;

/// <summary>
/// A service's entry point to its own schema: transactions retried as a whole on transient faults,
/// and plain reads. Handlers never open connections themselves.
/// </summary>
public sealed class Database(DbConnectionFactory connections, ISqlDialect dialect, ResiliencePipeline retry, string schema)
{
    static Database()
    {
        // Columns are snake_case; C# members PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public ISqlDialect Dialect { get; } = dialect;

    public string Schema { get; } = schema;

    public DatabaseProvider Provider => connections.Provider;

    /// <summary>Runs <paramref name="work"/> in one transaction; a transient fault rolls back and runs it again.</summary>
    public Task<T> InTransactionAsync<T>(
        Func<UnitOfWork, Task<T>> work,
        CancellationToken cancellationToken,
        IsolationLevel isolation = IsolationLevel.ReadCommitted
    ) =>
        retry
            .ExecuteAsync(
                async token =>
                {
                    await using var connection = await connections.OpenAsync(token);
                    await using var transaction = await connection.BeginTransactionAsync(isolation, token);
                    var unit = new UnitOfWork(connection, transaction, Dialect, token);
                    var result = await work(unit);
                    await transaction.CommitAsync(token);
                    foreach (var callback in unit.CommittedCallbacks)
                    {
                        callback();
                    }

                    return result;
                },
                cancellationToken
            )
            .AsTask();

    public Task InTransactionAsync(Func<UnitOfWork, Task> work, CancellationToken cancellationToken) =>
        InTransactionAsync<bool>(
            async unit =>
            {
                await work(unit);
                return true;
            },
            cancellationToken
        );

    /// <summary>Runs a read on its own connection, retried on transient faults.</summary>
    public Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        retry
            .ExecuteAsync(
                async token =>
                {
                    await using var connection = await connections.OpenAsync(token);
                    return await read(connection, token);
                },
                cancellationToken
            )
            .AsTask();

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        ReadAsync(
            (connection, token) => connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: token)),
            cancellationToken
        );

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        ReadAsync(
            (connection, token) =>
                connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: token)),
            cancellationToken
        );
}

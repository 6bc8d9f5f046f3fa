using System.Data.Common;
using Dapper;

namespace InventoryPlatform.Data;

/// <summary>
/// One database transaction. Work that must only happen once the transaction has committed
/// (waking the outbox dispatcher, for instance) registers itself with <see cref="AfterCommit"/>.
/// </summary>
public sealed class UnitOfWork(DbConnection connection, DbTransaction transaction, ISqlDialect dialect, CancellationToken cancellationToken)
{
    private readonly List<Action> _afterCommit = [];

    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public ISqlDialect Dialect { get; } = dialect;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public Task<int> ExecuteAsync(string sql, object? parameters = null) => Connection.ExecuteAsync(Command(sql, parameters));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) => Connection.QueryAsync<T>(Command(sql, parameters));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    /// <summary>Several result sets in one round trip (statements without rows, such as an insert before a select, give none).</summary>
    public Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? parameters = null) =>
        Connection.QueryMultipleAsync(Command(sql, parameters));

    public Task<T> ExecuteScalarAsync<T>(string sql, object? parameters = null) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, parameters))!;

    internal IReadOnlyList<Action> CommittedCallbacks => _afterCommit;

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, Transaction, cancellationToken: CancellationToken);
}

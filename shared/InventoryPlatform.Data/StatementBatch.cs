using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;

namespace InventoryPlatform.Data;

/// <summary>
/// Writes of one transaction collected and sent to the database in a single round trip (a <see cref="DbBatch"/>),
/// for hot paths where the statements' count, not their cost, sets the latency. The writes must not depend on each
/// other's results. Parameters are the properties of plain objects (anonymous types), as with Dapper; values only,
/// no lists. A provider that cannot batch gets the statements one after the other.
/// </summary>
public sealed class StatementBatch(UnitOfWork unit)
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();
    private readonly List<(string Sql, object Parameters)> _statements = [];

    public UnitOfWork Unit { get; } = unit;

    public int Count => _statements.Count;

    public void Add(string sql, object parameters) => _statements.Add((sql, parameters));

    public void AddEach(string sql, IEnumerable<object> rows)
    {
        foreach (var row in rows)
        {
            Add(sql, row);
        }
    }

    /// <summary>Sends every statement added so far; the batch is empty afterwards. Returns the rows each statement affected, in
    /// order.</summary>
    public async Task<int[]> ExecuteAsync()
    {
        if (_statements.Count == 0)
        {
            return [];
        }

        var affected = new int[_statements.Count];
        if (!Unit.Connection.CanCreateBatch)
        {
            for (var i = 0; i < _statements.Count; i++)
            {
                affected[i] = await Unit.ExecuteAsync(_statements[i].Sql, _statements[i].Parameters);
            }

            _statements.Clear();
            return affected;
        }

        await using var batch = Unit.Connection.CreateBatch();
        batch.Transaction = Unit.Transaction;
        foreach (var (sql, parameters) in _statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var property in Properties.GetOrAdd(parameters.GetType(), type => type.GetProperties()))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = property.Name;
                parameter.Value = property.GetValue(parameters) ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        _statements.Clear();
        await batch.ExecuteNonQueryAsync(Unit.CancellationToken);
        for (var i = 0; i < affected.Length; i++)
        {
            affected[i] = batch.BatchCommands[i].RecordsAffected;
        }

        return affected;
    }
}

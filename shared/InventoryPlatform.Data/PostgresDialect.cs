using System.Data.Common;
using Npgsql;

namespace InventoryPlatform.Data;

public sealed class PostgresDialect : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.Postgres;

    public string CreateSchemaIfMissing(string schema) => $"CREATE SCHEMA IF NOT EXISTS {schema}";

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({Parameters(columns)}) "
        + $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO NOTHING";

    public string Upsert(
        string table,
        IReadOnlyList<string> keyColumns,
        IReadOnlyList<string> columns,
        IReadOnlyList<string> updateColumns
    ) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({Parameters(columns)}) "
        + $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO UPDATE SET "
        + string.Join(", ", updateColumns.Select(c => $"{c} = EXCLUDED.{c}"));

    public string SelectForUpdateSkipLocked(string table, string columns, string where, string orderBy) =>
        $"SELECT {columns} FROM {table} WHERE {where} ORDER BY {orderBy} LIMIT @limit FOR UPDATE SKIP LOCKED";

    public string SelectForUpdate(string table, string columns, string where) => $"SELECT {columns} FROM {table} WHERE {where} FOR UPDATE";

    public string SelectTop(string table, string columns, string where, string orderBy) =>
        $"SELECT {columns} FROM {table} WHERE {where} ORDER BY {orderBy} LIMIT @limit";

    // PostgreSQL's DELETE has no LIMIT; the physical row ids of one bounded SELECT stand in for it.
    public string DeleteBatch(string table, string where) =>
        $"DELETE FROM {table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM {table} WHERE {where} LIMIT @limit))";

    public string InList(string column, string parameter) => $"{column} = ANY(@{parameter})";

    public bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public string AcquireSessionLock => "SELECT pg_advisory_lock(hashtext(@resource))";

    public string ReleaseSessionLock => "SELECT pg_advisory_unlock(hashtext(@resource))";

    private static string Parameters(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => "@" + ToParameterName(c)));

    internal static string ToParameterName(string column) => SqlNames.ToParameterName(column);
}

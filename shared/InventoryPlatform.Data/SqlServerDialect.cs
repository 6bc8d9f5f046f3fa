using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace InventoryPlatform.Data;

public sealed class SqlServerDialect : ISqlDialect
{
    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public string CreateSchemaIfMissing(string schema) => $"IF SCHEMA_ID(N'{schema}') IS NULL EXEC(N'CREATE SCHEMA {schema}')";

    // UPDLOCK + HOLDLOCK takes a key-range lock, so two concurrent callers cannot both see "absent".
    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) SELECT {Parameters(columns)} "
        + $"WHERE NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {KeyMatch(keyColumns)})";

    public string Upsert(
        string table,
        IReadOnlyList<string> keyColumns,
        IReadOnlyList<string> columns,
        IReadOnlyList<string> updateColumns
    ) =>
        $"MERGE {table} WITH (HOLDLOCK) AS target "
        + $"USING (SELECT {string.Join(", ", columns.Select(c => $"@{SqlNames.ToParameterName(c)} AS {c}"))}) AS source "
        + $"ON {string.Join(" AND ", keyColumns.Select(c => $"target.{c} = source.{c}"))} "
        + $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", updateColumns.Select(c => $"{c} = source.{c}"))} "
        + $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "source." + c))});";

    public string SelectForUpdateSkipLocked(string table, string columns, string where, string orderBy) =>
        $"SELECT TOP (@limit) {columns} FROM {table} WITH (UPDLOCK, READPAST, ROWLOCK) WHERE {where} ORDER BY {orderBy}";

    public string SelectForUpdate(string table, string columns, string where) =>
        $"SELECT {columns} FROM {table} WITH (UPDLOCK, ROWLOCK) WHERE {where}";

    public string SelectTop(string table, string columns, string where, string orderBy) =>
        $"SELECT TOP (@limit) {columns} FROM {table} WHERE {where} ORDER BY {orderBy}";

    public string DeleteBatch(string table, string where) => $"DELETE TOP (@limit) FROM {table} WHERE {where}";

    public string InList(string column, string parameter) => $"{column} IN @{parameter}";

    public bool IsUniqueViolation(DbException exception) => exception is SqlException { Number: 2627 or 2601 };

    public string AcquireSessionLock =>
        "EXEC sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 120000";

    public string ReleaseSessionLock => "EXEC sp_releaseapplock @Resource = @resource, @LockOwner = 'Session'";

    private static string Parameters(IEnumerable<string> columns) =>
        string.Join(", ", columns.Select(c => "@" + SqlNames.ToParameterName(c)));

    private static string KeyMatch(IEnumerable<string> keyColumns) =>
        string.Join(" AND ", keyColumns.Select(c => $"{c} = @{SqlNames.ToParameterName(c)}"));
}

using System.Data.Common;

namespace InventoryPlatform.Data;

/// <summary>
/// The few statements that PostgreSQL and SQL Server write differently. Everything else is plain SQL
/// both engines accept. Identifiers passed in come from code, never from user input.
/// </summary>
public interface ISqlDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>Creates the schema when it does not exist.</summary>
    string CreateSchemaIfMissing(string schema);

    /// <summary>
    /// Inserts one row unless a row with the same key exists; affects 0 rows then. Safe under concurrent callers:
    /// the second waits for the first and then inserts nothing.
    /// </summary>
    string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns);

    /// <summary>Inserts a row, or updates <paramref name="updateColumns"/> of the row with the same key.</summary>
    string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> columns, IReadOnlyList<string> updateColumns);

    /// <summary>
    /// Selects up to <c>@limit</c> rows and locks them for update, skipping rows other transactions hold,
    /// so several replicas can claim work from one table without waiting for each other.
    /// </summary>
    string SelectForUpdateSkipLocked(string table, string columns, string where, string orderBy);

    /// <summary>Selects the rows matching <paramref name="where"/> and locks them until the transaction ends.</summary>
    string SelectForUpdate(string table, string columns, string where);

    /// <summary>Selects the first <c>@limit</c> rows in the given order.</summary>
    string SelectTop(string table, string columns, string where, string orderBy);

    /// <summary>
    /// Deletes up to <c>@limit</c> rows matching <paramref name="where"/>, so that a purge of many rows runs as several short
    /// statements that each hold few locks, rather than one that holds the table.
    /// </summary>
    string DeleteBatch(string table, string where);

    /// <summary>
    /// "column is one of the values in the list parameter". Npgsql binds a list as one array parameter;
    /// SQL Server needs Dapper to expand it into one parameter per value.
    /// </summary>
    string InList(string column, string parameter);

    bool IsUniqueViolation(DbException exception);

    /// <summary>Takes a session-wide exclusive lock named <c>@resource</c>, held until <see cref="ReleaseSessionLock"/>.</summary>
    string AcquireSessionLock { get; }

    /// <summary>
    /// Releases the lock <see cref="AcquireSessionLock"/> took. Pooled connections are not reset when they go back to
    /// the pool (see <see cref="DbConnectionFactory"/>), so a session lock outlives its <c>using</c> unless released.
    /// </summary>
    string ReleaseSessionLock { get; }
}

namespace InventoryPlatform.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Postgres;

    /// <summary>Name of the connection string in <c>ConnectionStrings</c> (Aspire passes it as
    /// <c>ConnectionStrings__inventory</c>).</summary>
    public string ConnectionStringName { get; set; } = "inventory";

    /// <summary>Create the database when it does not exist (local development and tests; off in production).</summary>
    public bool CreateDatabaseIfMissing { get; set; } = true;

    public int RetryCount { get; set; } = 6;

    /// <summary>
    /// PostgreSQL: how many statements each connection prepares once they ran five times (Npgsql's automatic preparation),
    /// so that the hot path's statements are parsed and planned once, not on every run. 0 keeps the connection string's
    /// setting. Worth it where the hot statements have fixed texts; a service whose statements' texts vary (multi-row inserts
    /// of any length) would churn the cache instead.
    /// </summary>
    public int MaxAutoPrepare { get; set; }
}

namespace InventoryPlatform.Data;

/// <summary>The database engine a service runs on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Postgres,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Postgres;

    /// <summary>Name of the connection string in <c>ConnectionStrings</c> (Aspire passes it as <c>ConnectionStrings__inventory</c>).</summary>
    public string ConnectionStringName { get; set; } = "inventory";

    /// <summary>Create the database when it does not exist (local development and tests; off in production).</summary>
    public bool CreateDatabaseIfMissing { get; set; } = true;

    public int RetryCount { get; set; } = 6;
}

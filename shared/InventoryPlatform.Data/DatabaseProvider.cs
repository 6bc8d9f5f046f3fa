namespace InventoryPlatform.Data;

/// <summary>The database engine a service runs on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Postgres,
    SqlServer,
}

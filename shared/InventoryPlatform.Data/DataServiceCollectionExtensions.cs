using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InventoryPlatform.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the connection factory, dialect and <see cref="Database"/> for a service's schema,
    /// all chosen by the <c>Database</c> configuration section.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformDatabase(this IHostApplicationBuilder builder, string schema)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(options.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{options.ConnectionStringName}' is not configured (ConnectionStrings__{options.ConnectionStringName})."
            );

        ISqlDialect dialect = options.Provider == DatabaseProvider.Postgres ? new PostgresDialect() : new SqlServerDialect();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(dialect);
        builder.Services.AddSingleton(new DbConnectionFactory(options.Provider, connectionString, options.MaxAutoPrepare));
        builder.Services.AddSingleton(sp => new Database(
            sp.GetRequiredService<DbConnectionFactory>(),
            dialect,
            SqlRetry.Create(options.RetryCount),
            schema
        ));
        builder.Services.AddSingleton<DatabaseMigrator>();
        return builder;
    }
}

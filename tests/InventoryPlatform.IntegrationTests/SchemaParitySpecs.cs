using Dapper;
using InventoryPlatform.Data;
using InventoryPlatform.UnitTests;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// The two migration sets must describe one schema: PostgreSQL is migrated for real and its tables and
/// columns read back from information_schema; the SQL Server scripts are read by SQL Server's parser.
/// </summary>
public sealed class SchemaParitySpecs
{
    public static IEnumerable<TestCaseData> Services() => SqlServerSyntaxSpecs.ServiceMigrations();

    [TestCaseSource(nameof(Services))]
    public async Task PostgreSQL_and_SQL_Server_migrations_create_the_same_tables_and_columns(
        System.Reflection.Assembly assembly,
        string schema
    )
    {
        var connectionString = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "parity");
        using var connections = new DbConnectionFactory(DatabaseProvider.Postgres, connectionString);
        var migrator = new DatabaseMigrator(connections, new PostgresDialect(), NullLogger<DatabaseMigrator>.Instance);

        await migrator.MigrateAsync(assembly, schema, createDatabase: false, CancellationToken.None);
        await migrator.MigrateAsync(assembly, schema, createDatabase: false, CancellationToken.None);

        await using var connection = new NpgsqlConnection(connectionString);
        var postgres = (
            await connection.QueryAsync<(string Table, string Column)>(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = @schema AND table_name <> "
                    + "'schema_versions'",
                new { schema }
            )
        )
            .Select(c => $"{c.Table}.{c.Column}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var sqlServer = SqlServerSyntaxSpecs
            .CreatedObjects(MigrationScripts.For(DatabaseProvider.SqlServer, assembly, schema).Select(s => s.Sql))
            .SelectMany(o => o.Columns.Select(c => $"{o.Name}.{c}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(postgres, Is.Not.Empty);
        Assert.That(postgres, Is.EqualTo(sqlServer));
    }
}

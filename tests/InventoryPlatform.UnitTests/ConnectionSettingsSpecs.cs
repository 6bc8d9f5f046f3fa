using InventoryPlatform.Data;
using Npgsql;

namespace InventoryPlatform.UnitTests;

public sealed class ConnectionSettingsSpecs
{
    [Test]
    public void PostgreSQL_connections_prepare_repeated_statements_unless_told_otherwise()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            DbConnectionFactory.WithStatementPreparation("Host=db;Port=5432;Username=app;Database=inventory;Maximum Pool Size=40"));

        Assert.That((settings.MaxAutoPrepare, settings.AutoPrepareMinUsages, settings.Host, settings.Database, settings.MaxPoolSize),
            Is.EqualTo((64, 2, "db", "inventory", 40)));
    }

    [TestCase("Host=db;Max Auto Prepare=0")]
    [TestCase("Host=db;MaxAutoPrepare=0")]
    public void An_operator_who_sets_statement_preparation_keeps_the_setting(string connectionString) =>
        Assert.That(new NpgsqlConnectionStringBuilder(DbConnectionFactory.WithStatementPreparation(connectionString)).MaxAutoPrepare, Is.Zero);
}

using InventoryPlatform.Data;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// <see cref="StatementBatch"/> sends its statements in one round trip and tells, per statement, how many rows each
/// changed: the stock projections decide "applied or not" from those counts.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class StatementBatchSpecs(DatabaseProvider provider)
{
    [Test]
    public async Task A_batch_reports_the_rows_each_statement_changed_and_commits_with_its_transaction()
    {
        var connectionString = await TestInfrastructure.CreateDatabaseAsync(provider, "batch");
        using var connections = new DbConnectionFactory(provider, connectionString);
        ISqlDialect dialect = provider == DatabaseProvider.Postgres ? new PostgresDialect() : new SqlServerDialect();
        var database = new Database(connections, dialect, SqlRetry.Create(1), "dbo");
        await database.InTransactionAsync(
            unit => unit.ExecuteAsync("CREATE TABLE stock (fc varchar(10) NOT NULL PRIMARY KEY, version bigint NOT NULL)"),
            CancellationToken.None
        );
        var insert = dialect.InsertIfAbsent("stock", ["fc"], ["fc", "version"]);
        const string update = "UPDATE stock SET version = @Version WHERE fc = @Fc AND version < @Version";

        async Task<int[]> RecordAsync(string fc, long version) =>
            await database.InTransactionAsync(
                async unit =>
                {
                    var batch = new StatementBatch(unit);
                    batch.Add(insert, new { Fc = fc, Version = version });
                    batch.Add(update, new { Fc = fc, Version = version });
                    return await batch.ExecuteAsync();
                },
                CancellationToken.None
            );

        Assert.That(await RecordAsync("SEA1", 2), Is.EqualTo(new[] { 1, 0 }), "inserted; the update finds the same version");
        Assert.That(await RecordAsync("SEA1", 1), Is.EqualTo(new[] { 0, 0 }), "an older version changes nothing");
        Assert.That(await RecordAsync("SEA1", 3), Is.EqualTo(new[] { 0, 1 }), "a newer version updates");
        Assert.That(
            await TestInfrastructure.ScalarAsync<long>(provider, connectionString, "SELECT version FROM stock WHERE fc = 'SEA1'"),
            Is.EqualTo(3L)
        );
    }
}

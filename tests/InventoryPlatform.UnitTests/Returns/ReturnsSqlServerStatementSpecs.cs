using System.Reflection;
using System.Text.RegularExpressions;
using InventoryPlatform.Data;
using InventoryPlatform.Returns.Data;

namespace InventoryPlatform.UnitTests;

/// <summary>
/// The statements Returns' repositories compose with the SQL Server dialect (paging over a derived table, MERGE upserts,
/// skip-locked claims, locks) parse as T-SQL: no SQL Server runs on the build machines.
/// </summary>
public sealed partial class ReturnsSqlServerStatementSpecs
{
    [Test]
    public void Every_composed_repository_statement_parses_as_T_SQL()
    {
        var database = new Database(
            new DbConnectionFactory(DatabaseProvider.SqlServer, "Server=nowhere"),
            new SqlServerDialect(),
            SqlRetry.Create(1),
            "returns"
        );
        object[] repositories =
        [
            new ShippedLineRepository(database),
            new ReturnRepository(database),
            new GradingRuleRepository(database),
            new AnalyticsRepository(database),
        ];

        var statements = repositories
            .SelectMany(r =>
                r.GetType()
                    .GetFields(BindingFlags.Instance | BindingFlags.NonPublic)
                    .Where(f => f.FieldType == typeof(string))
                    .Select(f => (Name: $"{r.GetType().Name}.{f.Name}", Sql: (string)f.GetValue(r)!))
            )
            .ToList();

        Assert.That(statements, Has.Count.GreaterThanOrEqualTo(8));
        Assert.Multiple(() =>
        {
            foreach (var (name, sql) in statements)
            {
                // Dapper expands a list parameter before SQL Server sees it.
                var expanded = ListParameter().Replace(sql, " IN (@$1_1, @$1_2)");
                Assert.That(SqlServerSyntaxSpecs.ParseErrors(expanded), Is.Empty, $"{name}: {sql}");
            }
        });
    }

    [GeneratedRegex(@" IN @(\w+)")]
    private static partial Regex ListParameter();
}

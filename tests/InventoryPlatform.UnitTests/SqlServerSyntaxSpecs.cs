using System.Reflection;
using InventoryPlatform.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace InventoryPlatform.UnitTests;

/// <summary>
/// No SQL Server engine runs on the build machines, so every T-SQL text the code can send is parsed here
/// with SQL Server's own parser: a syntax error fails the build.
/// </summary>
public sealed class SqlServerSyntaxSpecs
{
    public static IEnumerable<TestCaseData> ServiceMigrations() =>
        Services.Select(s => new TestCaseData(s.Assembly, s.Schema).SetArgDisplayNames(s.Schema));

    internal static readonly (Assembly Assembly, string Schema)[] Services =
    [
        (typeof(Receiving.ReceivingService).Assembly, "receiving"),
        (typeof(Allocation.AllocationService).Assembly, "allocation"),
        (typeof(Forecasting.ForecastingService).Assembly, "forecasting"),
        (typeof(Returns.ReturnsService).Assembly, "returns"),
        (typeof(Liquidation.LiquidationService).Assembly, "liquidation"),
        (typeof(Limits.LimitsService).Assembly, "limits"),
        (typeof(Notifications.NotificationsService).Assembly, "notifications"),
    ];

    [TestCaseSource(nameof(ServiceMigrations))]
    public void Every_SQL_Server_migration_parses(Assembly assembly, string schema)
    {
        var scripts = MigrationScripts.For(DatabaseProvider.SqlServer, assembly, schema);

        Assert.That(scripts, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var script in scripts)
            {
                Assert.That(ParseErrors(script.Sql), Is.Empty, script.Name);
            }
        });
    }

    [TestCaseSource(nameof(ServiceMigrations))]
    public void SQL_Server_migrations_create_objects_only_in_their_own_schema(Assembly assembly, string schema)
    {
        var schemas = CreatedObjects(MigrationScripts.For(DatabaseProvider.SqlServer, assembly, schema).Select(s => s.Sql))
            .Select(o => o.Schema)
            .Distinct()
            .ToList();

        Assert.That(schemas, Is.EqualTo(new[] { schema }));
    }

    [TestCaseSource(nameof(ServiceMigrations))]
    public void Both_engines_get_the_same_migration_scripts(Assembly assembly, string schema)
    {
        var postgres = MigrationScripts.For(DatabaseProvider.Postgres, assembly, schema).Select(s => s.Name);
        var sqlServer = MigrationScripts.For(DatabaseProvider.SqlServer, assembly, schema).Select(s => s.Name);

        Assert.That(sqlServer, Is.EqualTo(postgres));
    }

    [Test]
    public void Every_dialect_statement_parses()
    {
        var dialect = new SqlServerDialect();
        string[] statements =
        [
            dialect.CreateSchemaIfMissing("receiving"),
            dialect.AcquireSessionLock,
            dialect.InsertIfAbsent("allocation.inbox", ["message_id", "consumer"], ["message_id", "consumer", "received_at"]),
            dialect.InsertIfAbsent(
                "receiving.units",
                ["unit_id"],
                ["unit_id", "seller_id", "shipment_id", "fnsku", "fulfillment_center", "condition", "scanned_at"]
            ),
            dialect.InsertIfAbsent(
                "allocation.stock_balances",
                ["seller_id", "fnsku", "fulfillment_center"],
                ["seller_id", "fnsku", "fulfillment_center", "updated_at"]
            ),
            dialect.Upsert(
                "allocation.stock_balances",
                ["seller_id", "fnsku", "fulfillment_center"],
                ["seller_id", "fnsku", "fulfillment_center", "on_hand"],
                ["on_hand"]
            ),
            dialect.SelectForUpdateSkipLocked(
                "receiving.outbox",
                "id, message_type, body, correlation_id",
                "sent_at IS NULL",
                "created_at"
            ),
            dialect.SelectForUpdate("receiving.shipments", "id, status", "id = @Id AND seller_id = @SellerId"),
            dialect.Upsert(
                "receiving.bins",
                ["fulfillment_center", "bin_id"],
                ["fulfillment_center", "bin_id", "zone", "capacity_cubic_feet"],
                ["zone", "capacity_cubic_feet"]
            ),
            dialect.InsertIfAbsent(
                "receiving.sales_velocity",
                ["fnsku", "fulfillment_center", "day"],
                ["fnsku", "fulfillment_center", "day", "units"]
            ),
            dialect.SelectTop("receiving.items", "fnsku", "seller_id = @SellerId AND (@After IS NULL OR fnsku > @After)", "fnsku"),
            dialect.SelectTop("receiving.outbox", "id, last_error", "parked_at IS NOT NULL AND (@After IS NULL OR id > @After)", "id"),
            // Dapper expands the list parameter before SQL Server sees it.
            $"UPDATE receiving.outbox SET sent_at = @SentAt WHERE {dialect.InList("id", "Ids")}".Replace(
                "@Ids",
                "(@Ids1, @Ids2)",
                StringComparison.Ordinal
            ),
        ];

        Assert.Multiple(() =>
        {
            foreach (var sql in statements)
            {
                Assert.That(ParseErrors(sql), Is.Empty, sql);
            }
        });
    }

    [TestCase("receiving.outbox", "sent_at IS NOT NULL AND sent_at < @Before")]
    [TestCase("allocation.inbox", "received_at < @Before")]
    [TestCase("returns.idempotency_keys", "created_at < @Before")]
    public void A_retention_delete_parses_and_removes_at_most_one_batch(string table, string where)
    {
        var sql = new SqlServerDialect().DeleteBatch(table, where);

        Assert.That(ParseErrors(sql), Is.Empty, sql);
        Assert.That(sql, Is.EqualTo($"DELETE TOP (@limit) FROM {table} WHERE {where}"));
    }

    [Test]
    public void The_parser_catches_a_syntax_error()
    {
        // Guards the guard: PostgreSQL-only syntax must not slip through as valid T-SQL.
        Assert.That(ParseErrors("INSERT INTO a.b (x) VALUES (@x) ON CONFLICT (x) DO NOTHING"), Is.Not.Empty);
        Assert.That(ParseErrors("CREATE TABLE a.b (id uuid NOT NULL PRIMARY KEY) WITH SOME GARBAGE"), Is.Not.Empty);
    }

    internal static IList<ParseError> ParseErrors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        parser.Parse(new StringReader(sql), out var errors);
        return errors;
    }

    /// <summary>
    /// Tables (with their columns, also those added later) and indexes that a migration set leaves behind, its scripts
    /// read in order, so a later script's DROP TABLE takes away what an earlier one created.
    /// </summary>
    internal static IReadOnlyList<(string Schema, string Name, IReadOnlyList<string> Columns)> CreatedObjects(IEnumerable<string> scripts)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var visitor = new CreatedObjectsVisitor();
        foreach (var sql in scripts)
        {
            var fragment = parser.Parse(new StringReader(sql), out var errors);
            Assert.That(errors, Is.Empty);
            fragment.Accept(visitor);
        }

        return visitor.Objects;
    }

    private sealed class CreatedObjectsVisitor : TSqlFragmentVisitor
    {
        public List<(string Schema, string Name, IReadOnlyList<string> Columns)> Objects { get; } = [];

        public override void Visit(CreateTableStatement node) =>
            Objects.Add(
                (
                    node.SchemaObjectName.SchemaIdentifier?.Value ?? "dbo",
                    node.SchemaObjectName.BaseIdentifier.Value,
                    node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value).ToList()
                )
            );

        // A later migration's ALTER TABLE ... ADD columns belong to the table as well.
        public override void Visit(AlterTableAddTableElementStatement node) =>
            Objects.Add(
                (
                    node.SchemaObjectName.SchemaIdentifier?.Value ?? "dbo",
                    node.SchemaObjectName.BaseIdentifier.Value,
                    node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value).ToList()
                )
            );

        // A later migration's DROP TABLE takes the table (and what was added to it) away again.
        public override void Visit(DropTableStatement node)
        {
            foreach (var dropped in node.Objects)
            {
                var schema = dropped.SchemaIdentifier?.Value ?? "dbo";
                Objects.RemoveAll(o => o.Schema == schema && o.Name == dropped.BaseIdentifier.Value);
            }
        }

        public override void Visit(CreateIndexStatement node) =>
            Objects.Add((node.OnName.SchemaIdentifier?.Value ?? "dbo", "index:" + node.Name.Value, []));
    }
}

using System.Globalization;
using Npgsql;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// PostgreSQL's own account of a benchmark's statements (<c>pg_stat_statements</c>, loaded when the script starts the
/// database with <c>INFRA_PG_STATS=1</c>): calls and execution time per allocated order, busiest first, every database.
/// </summary>
public static class StatementProfile
{
    public static async Task ResetAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();",
            connection
        );
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task PrintAsync(string database, int orders, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT calls, total_exec_time, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 110)
            FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25
            """,
            connection
        );
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Console.WriteLine();
        Console.WriteLine($"PostgreSQL statements over the measured runs ({orders} orders at 16 clients), busiest first:");
        Console.WriteLine();
        Console.WriteLine(Stats.Row("calls per order", "exec µs per order", "rows per call", "statement"));
        Console.WriteLine(Stats.Row("---:", "---:", "---:", "---"));
        var per = Math.Max(1, orders);
        while (await reader.ReadAsync(cancellationToken))
        {
            var calls = reader.GetInt64(0);
            Console.WriteLine(
                Stats.Row(
                    (calls / (double)per).ToString("0.00", CultureInfo.InvariantCulture),
                    reader.GetDouble(1) * 1000 / per,
                    (reader.GetInt64(2) / (double)Math.Max(1, calls)).ToString("0.0", CultureInfo.InvariantCulture),
                    "`" + reader.GetString(3).Replace("|", "\\|", StringComparison.Ordinal) + "`"
                )
            );
        }
    }
}

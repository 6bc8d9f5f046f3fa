using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// What this machine's PostgreSQL does with an order-shaped transaction (issue 26): <c>PgBench/order.sql</c> (lock one of
/// 1,000 balance rows, update it, one journal row, two outbox rows, commit with <c>synchronous_commit</c> on) run by
/// <c>pgbench -n -M prepared -c 16 -j 2</c> against the benchmark's own database, in a schema of its own. The platform's
/// orders/s are reported as a ratio to this figure from the same run, so that a loaded or faster machine moves both.
/// </summary>
public static partial class PgBenchAnchor
{
    public static async Task<PgBenchResult> RunAsync(string database, TimeSpan duration, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "PgBench");
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync(cancellationToken);
            var setup = await File.ReadAllTextAsync(Path.Combine(folder, "order-setup.sql"), cancellationToken);
            await using (var command = new NpgsqlCommand(setup, connection))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE pgbench_orders.stock_balances", connection);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        var target = new NpgsqlConnectionStringBuilder(database);
        var start = new ProcessStartInfo(Binary())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (
            var argument in new[]
            {
                "-n",
                "-M",
                "prepared",
                "-c",
                "16",
                "-j",
                "2",
                "-T",
                ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                "-f",
                Path.Combine(folder, "order.sql"),
                "-h",
                target.Host!,
                "-p",
                target.Port.ToString(CultureInfo.InvariantCulture),
                "-U",
                target.Username ?? "postgres",
                target.Database!,
            }
        )
        {
            start.ArgumentList.Add(argument);
        }

        // The test cluster runs with synchronous_commit off; the anchor commits as a durable order would.
        start.Environment["PGOPTIONS"] = "-c synchronous_commit=on";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {await errors}");
        }

        var tps = Tps().Match(text);
        var latency = Latency().Match(text);
        if (!tps.Success || !latency.Success)
        {
            throw new InvalidOperationException($"pgbench printed no tps: {text}");
        }

        return new PgBenchResult(
            double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture)
        );
    }

    /// <summary>PGBENCH if set, else the cluster's own version (the scripts run PostgreSQL 15), else the one on the path.</summary>
    private static string Binary()
    {
        var configured = Environment.GetEnvironmentVariable("PGBENCH");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        const string cluster = "/usr/lib/postgresql/15/bin/pgbench";
        return File.Exists(cluster) ? cluster : "pgbench";
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex Latency();
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using InventoryPlatform.Forecasting.Api;
using InventoryPlatform.IntegrationTests;
using Npgsql;
using NpgsqlTypes;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// The 10,000-series forecast through the service path: the same synthetic series as forecast-synthetic (10,000 daily series
/// of two years, a fifth intermittent, seed 42) as one seller's sales history in Forecasting's tables, then one refresh
/// operation through the gateway (POST, 202, poll the operation every second) to succeeded: loading the history, the models
/// with the global candidate, and storing 910,000 forecast days with track, accuracy, events and restock decisions. The
/// history is written straight into the database with COPY (importing 6 million rows through the API would time the import,
/// not the refresh). Prints the wall time from the POST to succeeded, each phase's time as the polls saw it, the counts, and
/// the slowest request (the gateway gives up on a request after 30 s). --series and --days change the run.
/// </summary>
public sealed class ForecastRefreshBenchmark : IBenchmark
{
    private static readonly string[] Regions = ["US-East", "US-West", "US-Central", "US-South", "US-Northeast", "US-Northwest"];

    public string Name => "forecast-refresh";

    public string Description =>
        "10,000 daily series x 2 years as one seller's history, refreshed 13 weeks ahead through the gateway as an operation; timed.";

    public async Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken)
    {
        int Option(string name, int fallback) =>
            options.Values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var count = Option("series", 10_000);
        var days = Option("days", 2 * 365);
        const string seller = "bench-refresh";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var seeding = Stopwatch.StartNew();
        var rows = await SeedAsync(platform.Database, seller, count, days, today, cancellationToken);
        Console.WriteLine($"Seeded {count:N0} series, {rows:N0} daily sales rows, in {seeding.Elapsed.TotalSeconds:0.0} s.");

        using var client = platform.Client("gateway", seller);
        var slowest = TimeSpan.Zero;
        var polls = 0;
        var phases = new List<(string Phase, double At)>();
        var clock = Stopwatch.StartNew();
        var sent = Stopwatch.StartNew();
        var response = await client.PostAsync("/api/forecasting/v1/forecasts/refresh", null, cancellationToken);
        slowest = sent.Elapsed;
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException(
                $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}"
            );
        }

        var location = response.Headers.Location ?? throw new InvalidOperationException("202 without a Location.");
        var operation = await response.ReadAsync<RefreshOperationResponse>(cancellationToken);
        var postMs = slowest.TotalMilliseconds;
        while (operation.Status is "queued" or "running")
        {
            var phase = operation.Phase ?? operation.Status;
            if (phases.Count == 0 || phases[^1].Phase != phase)
            {
                phases.Add((phase, clock.Elapsed.TotalSeconds));
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            sent.Restart();
            var poll = await client.GetAsync(location, cancellationToken);
            slowest = sent.Elapsed > slowest ? sent.Elapsed : slowest;
            polls++;
            poll.EnsureSuccessStatusCode();
            operation = await poll.ReadAsync<RefreshOperationResponse>(cancellationToken);
        }

        clock.Stop();
        phases.Add((operation.Status, clock.Elapsed.TotalSeconds));
        var stored = await ScalarAsync(
            platform.Database,
            "SELECT COUNT(*) FROM forecasting.forecast_days WHERE seller_id = @seller",
            seller,
            cancellationToken
        );

        Console.WriteLine();
        Console.WriteLine(
            Stats.Row("series", "days of history", "horizon days", "status", "POST to done s", "POST ms", "polls", "slowest request ms")
        );
        Console.WriteLine(Stats.Row("---:", "---:", "---:", "---", "---:", "---:", "---:", "---:"));
        Console.WriteLine(
            Stats.Row(count, days, 91, operation.Status, clock.Elapsed.TotalSeconds, postMs, polls, slowest.TotalMilliseconds)
        );
        Console.WriteLine();
        Console.WriteLine(
            "Phases as polled (s from the POST): "
                + string.Join(", ", phases.Select(p => $"{p.Phase} {p.At.ToString("0.0", CultureInfo.InvariantCulture)}"))
        );
        Console.WriteLine(
            $"Counts: {operation.Counts.Forecast:N0} forecast, {operation.Counts.Skipped:N0} skipped, {operation.Counts.Guarded:N0} "
                + $"guarded; progress {operation.Progress.SeriesDone:N0}/{operation.Progress.SeriesTotal:N0}; {operation.Errors.Count} "
                + $"errors{(operation.Errors.Count > 0 ? ": " + operation.Errors[0].Reason : "")}; {stored:N0} forecast days stored."
        );
        Console.WriteLine(
            $"Load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")} on "
                + $"{Environment.ProcessorCount} cores."
        );
    }

    /// <summary>The seller's FNSKUs, its schedule (not due during the run) and its daily sales (days with units only).</summary>
    private static async Task<long> SeedAsync(
        string database,
        string seller,
        int count,
        int days,
        DateOnly today,
        CancellationToken cancellationToken
    )
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        var now = DateTime.UtcNow;
        await using (
            var schedule = new NpgsqlCommand(
                "INSERT INTO forecasting.refresh_schedule (seller_id, next_refresh_at) VALUES (@seller, @next)",
                connection
            )
        )
        {
            schedule.Parameters.AddWithValue("seller", seller);
            schedule.Parameters.AddWithValue("next", now.AddDays(1));
            await schedule.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (
            var items = await connection.BeginBinaryImportAsync(
                "COPY forecasting.items (seller_id, fnsku, marketplace, alert_armed, created_at) FROM STDIN (FORMAT BINARY)",
                cancellationToken
            )
        )
        {
            for (var i = 0; i < count; i++)
            {
                await items.WriteRowAsync(cancellationToken, seller, Fnsku(i), "US", true, now);
            }

            await items.CompleteAsync(cancellationToken);
        }

        var random = new Random(42);
        var start = today.AddDays(-days);
        long rows = 0;
        await using var sales = await connection.BeginBinaryImportAsync(
            "COPY forecasting.daily_sales (seller_id, fnsku, region, sales_date, units) FROM STDIN (FORMAT BINARY)",
            cancellationToken
        );
        for (var i = 0; i < count; i++)
        {
            var units = SyntheticForecastBenchmark.Series(random, days, i % 5 == 0);
            var fnsku = Fnsku(i);
            var region = Regions[i % Regions.Length];
            for (var d = 0; d < days; d++)
            {
                if (units[d] <= 0)
                {
                    continue;
                }

                await sales.StartRowAsync(cancellationToken);
                await sales.WriteAsync(seller, NpgsqlDbType.Varchar, cancellationToken);
                await sales.WriteAsync(fnsku, NpgsqlDbType.Varchar, cancellationToken);
                await sales.WriteAsync(region, NpgsqlDbType.Varchar, cancellationToken);
                await sales.WriteAsync(start.AddDays(d), NpgsqlDbType.Date, cancellationToken);
                await sales.WriteAsync((int)units[d], NpgsqlDbType.Integer, cancellationToken);
                rows++;
            }
        }

        await sales.CompleteAsync(cancellationToken);
        return rows;
    }

    private static string Fnsku(int i) => $"B{i:D9}";

    private static async Task<long> ScalarAsync(string database, string sql, string seller, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("seller", seller);
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}

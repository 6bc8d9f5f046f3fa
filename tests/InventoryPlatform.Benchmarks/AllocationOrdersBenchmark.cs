using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// Single-line fulfillment orders allocated per second, and their latency, at 1, 16 and 128 concurrent clients,
/// direct to Allocation and through the gateway; then a hot FNSKU that runs out under 128 clients. Ends by checking
/// that nothing was oversold: every balance has reserved ≤ on hand, the units reserved equal the units the orders
/// hold, and the journal rebuilds every balance.
/// </summary>
public sealed class AllocationOrdersBenchmark : IBenchmark
{
    private const string Seller = "bench-orders";
    private const int Fnskus = 2000;
    private const int UnitsPerBalance = 1000;
    private const int HotUnits = 500;
    private const int HotOrders = 2000;
    private static readonly string[] UsCenters = ["SEA1", "PHX3", "DFW2", "ORD4", "ATL6", "EWR9"];
    private static readonly string[] CpuGroups =
    [
        "allocation",
        "gateway",
        "postgresql",
        "rabbitmq",
        "forecasting",
        "limits",
        "notifications",
        "liquidation",
        "returns",
        "receiving",
    ];
    private static readonly string[] UsRegions = ["US-West", "US-Southwest", "US-Central", "US-Midwest", "US-Southeast", "US-Northeast"];

    public string Name => "allocation-orders";

    public string Description =>
        "Single-line orders allocated/s and p50/p99 at 1, 16, 128 clients, direct and through the gateway; zero oversell checked.";

    public async Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken)
    {
        // The anchor first, on the same PostgreSQL, while the services idle; again at the end, as other work may come and go.
        var anchors = new List<PgBenchResult> { await AnchorAsync(platform, cancellationToken) };
        await SeedAsync(platform.Database, cancellationToken);
        Console.WriteLine(
            $"Seeded {Fnskus} FNSKUs x {UsCenters.Length} US FCs x {UnitsPerBalance} units for seller {Seller}; "
                + $"{options.Duration.TotalSeconds:0} s per run."
        );

        using var direct = Unlogged(platform, "allocation");
        using var gateway = Unlogged(platform, "gateway");
        using var queues = new QueueProbe();
        var warmUp = TimeSpan.FromSeconds(
            options.Values.TryGetValue("warmup", out var seconds) ? double.Parse(seconds, CultureInfo.InvariantCulture) : 60
        );
        await WarmUpAsync(direct, gateway, queues, warmUp, cancellationToken);
        Console.WriteLine(
            $"Warmed up: {warmUp.TotalSeconds:0} s of 16 clients, half direct, half through the gateway; every run starts with the "
                + "consumers' queues empty."
        );

        // INFRA_PG_STATS=1 scripts/bench.sh ... --pgstats on: which statements PostgreSQL's time per order goes to.
        var statements = options.Values.GetValueOrDefault("pgstats") == "on";
        if (statements)
        {
            await StatementProfile.ResetAsync(platform.Database, cancellationToken);
        }

        Console.WriteLine();
        Console.WriteLine(Stats.Row("variant", "route", "clients", "orders allocated", "orders/s", "p50 ms", "p99 ms", "errors"));
        Console.WriteLine(Stats.Row("---", "---", "---:", "---:", "---:", "---:", "---:", "---:"));
        var cpu = new List<string>();
        var at16 = new List<(string Variant, string Route, Run Run)>();
        var counts = options.Values.TryGetValue("clients", out var list) ? list.Split(',').Select(int.Parse).ToArray() : [1, 16, 128];
        // --alternate a,b [--rounds N]: Variants/a.sql, then Variants/b.sql, ... applied to the database before each pass,
        // N rounds, so that a before/after comparison shares the period and its load.
        var variants = options.Values.TryGetValue("alternate", out var names) ? names.Split(',') : ["as-built"];
        var rounds = options.Values.TryGetValue("rounds", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : 1;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var variant in variants)
            {
                await ApplyVariantAsync(platform.Database, variant, cancellationToken);
                foreach (var clients in counts)
                {
                    foreach (var (route, client) in new[] { ("direct", direct), ("gateway", gateway) })
                    {
                        await queues.WaitUntilConsumedAsync(TimeSpan.FromMinutes(2), cancellationToken);
                        var probe = ProcessProbe.Start();
                        var run = await RunAsync(client, clients, options.Duration, cancellationToken);
                        Console.WriteLine(Stats.Row(variant, route, clients, run.Allocated, run.PerSecond, run.P50, run.P99, run.Errors));
                        var used = probe
                            .Finish(options.Duration)
                            .ToDictionary(g => g.Group, g => g.Cores * options.Duration.TotalSeconds * 1e6 / Math.Max(1, run.Allocated));
                        cpu.Add(Stats.Row([variant, route, clients, .. CpuGroups.Select(g => (object)used.GetValueOrDefault(g))]));
                        if (clients == 16)
                        {
                            at16.Add((variant, route, run));
                        }
                    }
                }
            }
        }

        if (statements)
        {
            await StatementProfile.PrintAsync(platform.Database, at16.Sum(a => a.Run.Allocated), cancellationToken);
        }

        // Where each order's CPU goes, whatever else the machine runs: the allocation transaction, and every other
        // process that handles the order's events (the outbox relay's publishes, RabbitMQ, each consumer's inbox and work).
        Console.WriteLine();
        Console.WriteLine("CPU microseconds per allocated order, by process (from /proc):");
        Console.WriteLine();
        Console.WriteLine(Stats.Row(["variant", "route", "clients", .. CpuGroups]));
        Console.WriteLine(Stats.Row(["---", "---", "---:", .. CpuGroups.Select(_ => "---:")]));
        cpu.ForEach(Console.WriteLine);

        var hot = await HotFnskuAsync(direct, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(
            $"Hot FNSKU: {HotOrders} orders of 1 unit from 128 clients for {HotUnits} units: {hot.Allocated} allocated, {hot.Refused} "
                + $"refused (409), {hot.Errors} errors."
        );

        var oversell = await CheckOversellAsync(platform.Database, cancellationToken);
        Console.WriteLine(oversell);

        await queues.WaitUntilConsumedAsync(TimeSpan.FromMinutes(2), cancellationToken);
        anchors.Add(await AnchorAsync(platform, cancellationToken));
        PrintRatios(anchors, at16);
    }

    private static async Task<PgBenchResult> AnchorAsync(BenchPlatform platform, CancellationToken cancellationToken)
    {
        var anchor = await PgBenchAnchor.RunAsync(platform.Database, TimeSpan.FromSeconds(20), cancellationToken);
        Console.WriteLine(
            $"pgbench -M prepared -c 16 -j 2 -T 20, order-shaped (PgBench/order.sql): {anchor.Tps:0.0} tps, "
                + $"{anchor.LatencyMs:0.00} ms mean "
                + $"(load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})."
        );
        return anchor;
    }

    /// <summary>The figure that counts (issue 26): orders/s at 16 clients over pgbench's tps of the same run.</summary>
    private static void PrintRatios(List<PgBenchResult> anchors, List<(string Variant, string Route, Run Run)> at16)
    {
        var tps = anchors.Average(a => a.Tps);
        Console.WriteLine();
        Console.WriteLine(
            $"Anchor: pgbench {string.Join(" and ", anchors.Select(a => a.Tps.ToString("0.0", CultureInfo.InvariantCulture)))} tps "
                + $"(first and last), mean {tps:0.0}. At 16 clients (targets: direct >= 40 %, gateway >= 35 %, p99 < 50 ms):"
        );
        Console.WriteLine();
        Console.WriteLine(Stats.Row("variant", "route", "orders/s", "p99 ms", "ratio to pgbench"));
        Console.WriteLine(Stats.Row("---", "---", "---:", "---:", "---:"));
        foreach (var (variant, route, run) in at16)
        {
            var ratio = (run.PerSecond / tps * 100).ToString("0.0", CultureInfo.InvariantCulture);
            Console.WriteLine(Stats.Row(variant, route, run.PerSecond, run.P99, $"{ratio} %"));
        }
    }

    /// <summary>Runs Variants/<paramref name="variant"/>.sql against the database (none for "as-built"), then vacuums the balances
    /// so that no variant inherits the dead rows of the one before.</summary>
    private static async Task ApplyVariantAsync(string database, string variant, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        if (variant != "as-built")
        {
            var sql = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Variants", variant + ".sql"), cancellationToken);
            await using var apply = new NpgsqlCommand(sql, connection);
            await apply.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE allocation.stock_balances", connection);
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
    }

    private static HttpClient Unlogged(BenchPlatform platform, string resource) => platform.Client(resource, Seller);

    private static async Task SeedAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        // The service migrates its schema at start-up; wait for the ledger tables.
        for (var attempt = 0; ; attempt++)
        {
            await using var probe = new NpgsqlCommand("SELECT to_regclass('allocation.orders') IS NOT NULL", connection);
            if ((bool)(await probe.ExecuteScalarAsync(cancellationToken))!)
            {
                break;
            }

            if (attempt > 120)
            {
                throw new InvalidOperationException("Allocation never created its tables.");
            }

            await Task.Delay(500, cancellationToken);
        }

        // Balance rows and their journal rows together, as receiving would have left them.
        const string seed = """
            INSERT INTO allocation.stock_balances
                (seller_id, fnsku, fulfillment_center, on_hand, reserved, inbound, in_transit, unfulfillable, version, updated_at)
            SELECT @seller, 'B' || lpad(i::text, 9, '0'), fc, @units, 0, 0, 0, 0, 1, now()
            FROM generate_series(1, @fnskus) AS i CROSS JOIN unnest(@centers) AS fc;
            INSERT INTO allocation.stock_movements
                (id, seller_id, fnsku, fulfillment_center, bucket, quantity, reason, source_id, occurred_at)
            SELECT gen_random_uuid(), seller_id, fnsku, fulfillment_center, 'OnHand', on_hand, 'Received', 'bench:seed', updated_at
            FROM allocation.stock_balances WHERE seller_id = @seller;
            INSERT INTO allocation.stock_balances
                (seller_id, fnsku, fulfillment_center, on_hand, reserved, inbound, in_transit, unfulfillable, version, updated_at)
            VALUES (@seller, 'HOT0000001', 'SEA1', @hot, 0, 0, 0, 0, 1, now());
            INSERT INTO allocation.stock_movements
                (id, seller_id, fnsku, fulfillment_center, bucket, quantity, reason, source_id, occurred_at)
            VALUES (gen_random_uuid(), @seller, 'HOT0000001', 'SEA1', 'OnHand', @hot, 'Received', 'bench:seed', now());
            """;
        await using var command = new NpgsqlCommand(seed, connection);
        command.Parameters.AddWithValue("seller", Seller);
        command.Parameters.AddWithValue("units", UnitsPerBalance);
        command.Parameters.AddWithValue("fnskus", Fnskus);
        command.Parameters.AddWithValue("centers", UsCenters);
        command.Parameters.AddWithValue("hot", HotUnits);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Steady state, not start-up: the services were just started, and under load the runtime keeps compiling their hot
    /// code into optimised form (tier 1) for about 45 s (Allocation: ~1,000–2,000 methods and 2–3.7 s of compilation per
    /// 5 s until then, `dotnet-counters`), which would cost the first measured runs a third of their CPU. So load both
    /// routes for a minute, then let every consumer catch up.
    /// </summary>
    private static async Task WarmUpAsync(
        HttpClient direct,
        HttpClient gateway,
        QueueProbe queues,
        TimeSpan duration,
        CancellationToken cancellationToken
    )
    {
        await RunAsync(direct, 16, duration / 2, cancellationToken);
        await RunAsync(gateway, 16, duration / 2, cancellationToken);
        await queues.WaitUntilConsumedAsync(TimeSpan.FromMinutes(2), cancellationToken);
    }

    private static async Task<Run> RunAsync(HttpClient client, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(
            Enumerable
                .Range(0, clients)
                .Select(c =>
                    Task.Run(
                        async () =>
                        {
                            var random = new Random(c * 7919 + clients);
                            var mine = latencies[c] = [];
                            while (stopwatch.Elapsed < duration)
                            {
                                var started = Stopwatch.GetTimestamp();
                                var status = await PlaceAsync(client, random, cancellationToken);
                                if (status == HttpStatusCode.Created)
                                {
                                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                                }
                                else
                                {
                                    Interlocked.Increment(ref errors);
                                }
                            }
                        },
                        cancellationToken
                    )
                )
        );
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Run(all.Count, all.Count / elapsed, Stats.Percentile(all, 50), Stats.Percentile(all, 99), errors);
    }

    private static async Task<HttpStatusCode> PlaceAsync(HttpClient client, Random random, CancellationToken cancellationToken)
    {
        var fnsku = "B" + random.Next(1, Fnskus + 1).ToString("D9", CultureInfo.InvariantCulture);
        using var response = await client.PostAsJsonAsync(
            "/api/allocation/v1/orders",
            Order(fnsku, UsRegions[random.Next(UsRegions.Length)], "backorder"),
            cancellationToken
        );
        return response.StatusCode;
    }

    private static object Order(string fnsku, string region, string shortagePolicy) =>
        new
        {
            marketplace = "US",
            shipToRegion = region,
            shortagePolicy,
            lines = new[]
            {
                new
                {
                    fnsku,
                    quantity = 1,
                    unitPrice = new { amount = 19.99m, currency = "USD" },
                },
            },
        };

    private static async Task<(int Allocated, int Refused, int Errors)> HotFnskuAsync(
        HttpClient client,
        CancellationToken cancellationToken
    )
    {
        int allocated = 0,
            refused = 0,
            errors = 0,
            next = 0;
        await Task.WhenAll(
            Enumerable
                .Range(0, 128)
                .Select(_ =>
                    Task.Run(
                        async () =>
                        {
                            while (Interlocked.Increment(ref next) <= HotOrders)
                            {
                                using var response = await client.PostAsJsonAsync(
                                    "/api/allocation/v1/orders",
                                    Order("HOT0000001", "US-West", "reject"),
                                    cancellationToken
                                );
                                _ = response.StatusCode switch
                                {
                                    HttpStatusCode.Created => Interlocked.Increment(ref allocated),
                                    HttpStatusCode.Conflict => Interlocked.Increment(ref refused),
                                    _ => Interlocked.Increment(ref errors),
                                };
                            }
                        },
                        cancellationToken
                    )
                )
        );
        return (allocated, refused, errors);
    }

    private static async Task<string> CheckOversellAsync(string database, CancellationToken cancellationToken)
    {
        const string check = """
            SELECT
              (SELECT COUNT(*) FROM allocation.stock_balances WHERE reserved > on_hand OR on_hand < 0),
              (SELECT COALESCE(SUM(reserved), 0) FROM allocation.stock_balances WHERE seller_id = @seller),
              (SELECT COALESCE(SUM(a.quantity), 0) FROM allocation.order_allocations a JOIN allocation.orders o ON o.id = a.order_id
                 WHERE o.seller_id = @seller AND a.shipped_at IS NULL AND o.status <> 'Cancelled'),
              (SELECT COUNT(*) FROM allocation.stock_balances b WHERE b.seller_id = @seller AND (b.on_hand, b.reserved, b.version) <>
                 (SELECT COALESCE(SUM(quantity) FILTER (WHERE bucket = 'OnHand'), 0),
                         COALESCE(SUM(quantity) FILTER (WHERE bucket = 'Reserved'), 0), COUNT(*)
                  FROM allocation.stock_movements m
                  WHERE m.seller_id = b.seller_id AND m.fnsku = b.fnsku AND m.fulfillment_center = b.fulfillment_center)),
              (SELECT reserved FROM allocation.stock_balances
                 WHERE seller_id = @seller AND fnsku = 'HOT0000001' AND fulfillment_center = 'SEA1')
            """;
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(check, connection);
        command.Parameters.AddWithValue("seller", Seller);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var oversold = reader.GetInt64(0);
        var reserved = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        var held = Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture);
        var disagreeing = reader.GetInt64(3);
        var hotReserved = reader.GetInt32(4);
        var verdict = oversold == 0 && reserved == held && disagreeing == 0 && hotReserved <= HotUnits ? "PASS" : "FAIL";
        return $"Oversell check: {verdict}: balances with reserved > on hand: {oversold}; units reserved {reserved} = units held by open "
            + $"orders {held}; "
            + $"balances the journal does not rebuild: {disagreeing}; hot FNSKU reserved {hotReserved} of {HotUnits}.";
    }

    private sealed record Run(int Allocated, double PerSecond, double P50, double P99, int Errors);
}

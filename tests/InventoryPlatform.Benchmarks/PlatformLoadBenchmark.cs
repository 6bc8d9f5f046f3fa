using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Hosting;
using InventoryPlatform.IntegrationTests;
using InventoryPlatform.Receiving.Api;
using InventoryPlatform.Returns.Api;
using Npgsql;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// A steady mix of partner traffic through the gateway for a fixed time, after an unmeasured warm-up of the same mix — dock scans,
/// fulfillment orders, ship
/// confirmations and returns (authorized, received at the dock, graded sellable) — with every service consuming the events it causes.
/// Reports throughput and p50/p99 per request
/// type, the backlog of every consumer's queue and how long each took to drain after the load, CPU and memory per
/// service, and ends by checking the invariants: every outbox sent, no message in an error queue, the journal rebuilds
/// every balance, nothing oversold, and every unit received or restocked from a return is either on hand or shipped.
/// </summary>
public sealed class PlatformLoadBenchmark : IBenchmark
{
    private const string Seller = "load-seller";
    private const int Fnskus = 12;
    private const int InitialUnits = 100;
    private static readonly string[] Centers = ["SEA1", "DFW2", "EWR9"];
    private static readonly string[] Regions = ["US-West", "US-Southwest", "US-Central", "US-Midwest", "US-Southeast", "US-Northeast"];

    public string Name => "platform-load";

    public string Description =>
        "Scans, orders, ship confirmations and returns through the gateway at once: per-type throughput and p50/p99, consumer lag, "
        + "CPU/memory, invariants.";

    public async Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken)
    {
        var clients = options.Values.TryGetValue("clients", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 16;
        using var gateway = platform.Client("gateway", Seller);
        var stock = await PrepareAsync(gateway, cancellationToken);
        var fnskus = stock.Select(s => s.Fnsku).Distinct(StringComparer.Ordinal).ToList();
        Console.WriteLine(
            $"Seller {Seller}: {Fnskus} FNSKUs at {string.Join(", ", Centers)}, {InitialUnits} units each received first; {clients} "
                + $"clients for {options.Duration.TotalSeconds:0} s."
        );

        var toShip = new ConcurrentQueue<(Guid Order, string Center, string Fnsku)>();
        var returnable = new ConcurrentQueue<(Guid Order, string Center, string Fnsku, long ShippedAt)>();

        // Steady state, not start-up: the same mix runs unmeasured first, so that the services have compiled their hot
        // code, and the measured run begins with every consumer's queue empty.
        var warmUp = TimeSpan.FromSeconds(
            options.Values.TryGetValue("warmup", out var warmUpSeconds) ? double.Parse(warmUpSeconds, CultureInfo.InvariantCulture) : 40
        );
        using var queues = new QueueProbe();
        await RunMixAsync(
            platform,
            "warm",
            clients,
            warmUp,
            stock,
            fnskus,
            toShip,
            returnable,
            new(StringComparer.Ordinal),
            new(StringComparer.Ordinal),
            cancellationToken
        );
        var drainedFirst = await queues.WaitUntilConsumedAsync(TimeSpan.FromMinutes(2), cancellationToken);
        queues.ForgetPeaks();
        Console.WriteLine(
            $"Warmed up: {warmUp.TotalSeconds:0} s of the same mix; the measured run starts with the consumers' queues "
                + (drainedFirst ? "empty." : "not yet empty (see the warning).")
        );

        var latencies = new ConcurrentDictionary<string, ConcurrentBag<double>>(StringComparer.Ordinal);
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var processes = ProcessProbe.Start();
        var clock = Stopwatch.StartNew();
        using var stopSampling = new CancellationTokenSource();
        var sampler = Task.Run(
            async () =>
            {
                while (!stopSampling.IsCancellationRequested)
                {
                    processes.Tick();
                    await queues.SampleAsync(CancellationToken.None);
                    await Task.Delay(1000, CancellationToken.None);
                }
            },
            CancellationToken.None
        );

        await RunMixAsync(
            platform,
            "load",
            clients,
            options.Duration,
            stock,
            fnskus,
            toShip,
            returnable,
            latencies,
            failures,
            cancellationToken
        );
        var wall = clock.Elapsed;
        var usage = processes.Finish(wall);

        // After the load: how long until each consumer's queue is empty again.
        var drained = new Dictionary<string, double>(StringComparer.Ordinal);
        var drainClock = Stopwatch.StartNew();
        while (drainClock.Elapsed < TimeSpan.FromSeconds(180))
        {
            var depths = await queues.SampleAsync(cancellationToken);
            foreach (var (queue, depth) in depths.Where(d => d.Value == 0 && !drained.ContainsKey(d.Key)))
            {
                drained[queue] = drainClock.Elapsed.TotalSeconds;
            }

            if (depths.Where(d => !QueueProbe.IsErrorQueue(d.Key)).All(d => d.Value == 0))
            {
                break;
            }

            await Task.Delay(250, cancellationToken);
        }

        await stopSampling.CancelAsync();
        await sampler;

        Console.WriteLine();
        Console.WriteLine(Stats.Row("request", "count", "per second", "p50 ms", "p99 ms", "failed"));
        Console.WriteLine(Stats.Row("---", "---:", "---:", "---:", "---:", "---:"));
        foreach (var (kind, measured) in latencies.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var sorted = measured.Order().ToList();
            Console.WriteLine(
                Stats.Row(
                    kind,
                    sorted.Count,
                    sorted.Count / wall.TotalSeconds,
                    Stats.Percentile(sorted, 50),
                    Stats.Percentile(sorted, 99),
                    failures.GetValueOrDefault(kind)
                )
            );
        }

        Console.WriteLine();
        Console.WriteLine(Stats.Row("consumer queue", "peak backlog", "drained after load (s)"));
        Console.WriteLine(Stats.Row("---", "---:", "---:"));
        foreach (
            var (queue, peak) in queues
                .Peak.Where(q => !QueueProbe.IsErrorQueue(q.Key) && !q.Key.Contains("_bus_", StringComparison.Ordinal))
                .OrderBy(q => q.Key, StringComparer.Ordinal)
        )
        {
            Console.WriteLine(
                Stats.Row(
                    queue,
                    peak,
                    drained.TryGetValue(queue, out var seconds) ? seconds.ToString("0.0", CultureInfo.InvariantCulture) : "not drained"
                )
            );
        }

        Console.WriteLine();
        Console.WriteLine(Stats.Row("process", "CPU (cores)", "peak memory MB"));
        Console.WriteLine(Stats.Row("---", "---:", "---:"));
        foreach (var (group, cores, peakMb) in usage)
        {
            Console.WriteLine(Stats.Row(group, cores.ToString("0.00", CultureInfo.InvariantCulture), peakMb));
        }

        Console.WriteLine();
        var errors = (await queues.SampleAsync(cancellationToken)).Where(q => QueueProbe.IsErrorQueue(q.Key)).Sum(q => q.Value);
        Console.WriteLine(await CheckInvariantsAsync(platform.Database, errors, cancellationToken));
    }

    /// <summary>
    /// The mix: each client picks at random a dock scan (25 %), an order (40 %, or whenever nothing waits to ship), a ship
    /// confirmation of an earlier order or a return of a shipped one. <paramref name="phase"/> keeps unit ids apart between runs.
    /// </summary>
    private static async Task RunMixAsync(
        BenchPlatform platform,
        string phase,
        int clients,
        TimeSpan duration,
        List<(string Fnsku, Guid Shipment)> stock,
        List<string> fnskus,
        ConcurrentQueue<(Guid Order, string Center, string Fnsku)> toShip,
        ConcurrentQueue<(Guid Order, string Center, string Fnsku, long ShippedAt)> returnable,
        ConcurrentDictionary<string, ConcurrentBag<double>> latencies,
        ConcurrentDictionary<string, int> failures,
        CancellationToken cancellationToken
    )
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(
            Enumerable
                .Range(0, clients)
                .Select(client =>
                    Task.Run(
                        async () =>
                        {
                            using var http = platform.Client("gateway", Seller);
                            var random = new Random(client * 7919);
                            var unit = 0;
                            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
                            {
                                var roll = random.NextDouble();
                                // A shipment can be returned once Returns has heard of it (a couple of seconds of event lag).
                                var canReturn =
                                    returnable.TryPeek(out var oldest)
                                    && Stopwatch.GetElapsedTime(oldest.ShippedAt) > TimeSpan.FromSeconds(3);
                                var kind =
                                    roll < 0.25 ? "scan"
                                    : roll < 0.65 || toShip.IsEmpty ? "order"
                                    : roll < 0.85 || !canReturn ? "ship"
                                    : "return";
                                var started = Stopwatch.GetTimestamp();
                                var ok = kind switch
                                {
                                    "scan" => await ScanAsync(
                                        http,
                                        stock[random.Next(stock.Count)],
                                        $"{phase}-{client}-{unit++}",
                                        10,
                                        cancellationToken
                                    ),
                                    "order" => await OrderAsync(
                                        http,
                                        fnskus[random.Next(fnskus.Count)],
                                        Regions[random.Next(Regions.Length)],
                                        toShip,
                                        cancellationToken
                                    ),
                                    "ship" => !toShip.TryDequeue(out var next)
                                        || await ShipAsync(http, next, returnable, cancellationToken),
                                    _ => !returnable.TryDequeue(out var back)
                                        || await ReturnAsync(
                                            http,
                                            back.Order,
                                            back.Center,
                                            back.Fnsku,
                                            $"{phase}-return-{client}-{unit++}",
                                            cancellationToken
                                        ),
                                };
                                latencies.GetOrAdd(kind, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                                if (!ok)
                                {
                                    failures.AddOrUpdate(kind, 1, (_, n) => n + 1);
                                }
                            }
                        },
                        cancellationToken
                    )
                )
        );
    }

    /// <summary>Registers the items, opens one shipment per FC and receives a first stock; returns the (FNSKU, shipment) pairs to scan
    /// into.</summary>
    private static async Task<List<(string Fnsku, Guid Shipment)>> PrepareAsync(HttpClient gateway, CancellationToken cancellationToken)
    {
        var fnskus = new List<string>();
        for (var i = 0; i < Fnskus; i++)
        {
            using var registered = await gateway.PostAsJsonAsync(
                "/api/receiving/v1/items",
                new
                {
                    sellerSku = $"LOAD-{i}",
                    title = $"Load item {i}",
                    storageType = "standard",
                    dimensions = new
                    {
                        lengthCm = 20,
                        widthCm = 15,
                        heightCm = 10,
                        weightKg = 0.8,
                    },
                    listPrice = new { amount = 19.99, currency = "USD" },
                },
                cancellationToken
            );
            fnskus.Add((await Json<ItemResponse>(registered)).Fnsku);
        }

        var stock = new List<(string, Guid)>();
        foreach (var center in Centers)
        {
            using var created = await gateway.PostAsJsonAsync(
                "/api/receiving/v1/shipments",
                new { fulfillmentCenter = center, lines = fnskus.Select(f => new { fnsku = f, expectedUnits = 500 }) },
                cancellationToken
            );
            var shipment = (await Json<ShipmentResponse>(created)).Id;
            foreach (var fnsku in fnskus)
            {
                stock.Add((fnsku, shipment));
                if (!await ScanAsync(gateway, (fnsku, shipment), $"seed-{center}-{fnsku}", InitialUnits, cancellationToken))
                {
                    throw new InvalidOperationException("The first stock could not be scanned.");
                }
            }
        }

        // The orders draw on this stock: wait until Allocation shows all of it.
        var expected = Fnskus * Centers.Length * InitialUnits;
        for (var waited = 0; waited < 120; waited++)
        {
            using var response = await gateway.GetAsync("/api/allocation/v1/stock?limit=500", cancellationToken);
            var onHand = (await Json<Page<StockResponse>>(response)).Items.Sum(i => i.OnHand);
            if (onHand >= expected)
            {
                return stock;
            }

            await Task.Delay(1000, cancellationToken);
        }

        throw new InvalidOperationException("The first stock never reached Allocation.");
    }

    private static async Task<bool> ScanAsync(
        HttpClient http,
        (string Fnsku, Guid Shipment) line,
        string prefix,
        int units,
        CancellationToken cancellationToken
    )
    {
        using var response = await http.PostAsJsonAsync(
            $"/api/receiving/v1/shipments/{line.Shipment}/scans/batch",
            new
            {
                scans = Enumerable
                    .Range(0, units)
                    .Select(i => new
                    {
                        unitId = $"{prefix}-{i}",
                        fnsku = line.Fnsku,
                        condition = "sellable",
                    }),
            },
            cancellationToken
        );
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<bool> OrderAsync(
        HttpClient http,
        string fnsku,
        string region,
        ConcurrentQueue<(Guid, string, string)> toShip,
        CancellationToken cancellationToken
    )
    {
        using var response = await http.PostAsJsonAsync(
            "/api/allocation/v1/orders",
            new
            {
                marketplace = "US",
                shipToRegion = region,
                shortagePolicy = "backorder",
                lines = new[]
                {
                    new
                    {
                        fnsku,
                        quantity = 1,
                        unitPrice = new { amount = 19.99m, currency = "USD" },
                    },
                },
            },
            cancellationToken
        );
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return false;
        }

        var order = await Json<OrderResponse>(response);
        foreach (var center in order.Lines.SelectMany(l => l.Allocations).Select(a => a.FulfillmentCenter).Distinct())
        {
            toShip.Enqueue((order.Id, center, fnsku));
        }

        return true;
    }

    private static async Task<bool> ShipAsync(
        HttpClient http,
        (Guid Order, string Center, string Fnsku) next,
        ConcurrentQueue<(Guid, string, string, long)> returnable,
        CancellationToken cancellationToken
    )
    {
        using var response = await http.PostAsJsonAsync(
            $"/api/allocation/v1/orders/{next.Order}/shipments",
            new { fulfillmentCenter = next.Center },
            cancellationToken
        );
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        returnable.Enqueue((next.Order, next.Center, next.Fnsku, Stopwatch.GetTimestamp()));
        return true;
    }

    /// <summary>A customer sends one unit back: authorized, received at the FC's returns dock, graded sellable (restocked).</summary>
    private static async Task<bool> ReturnAsync(
        HttpClient http,
        Guid order,
        string center,
        string fnsku,
        string unitId,
        CancellationToken cancellationToken
    )
    {
        using var authorized = await http.PostAsJsonAsync(
            "/api/returns/v1/returns",
            new
            {
                orderId = order,
                fnsku,
                quantity = 1,
                reason = "customerChangedMind",
            },
            cancellationToken
        );
        if (authorized.StatusCode != HttpStatusCode.Created)
        {
            return false;
        }

        var returnId = (await Json<ReturnResponse>(authorized)).Id;
        using var received = await http.PostAsJsonAsync(
            "/api/returns/v1/receipts",
            new
            {
                fulfillmentCenter = center,
                returnId,
                unitIds = new[] { unitId },
            },
            cancellationToken
        );
        if (!received.IsSuccessStatusCode)
        {
            return false;
        }

        using var graded = await http.PostAsJsonAsync(
            $"/api/returns/v1/returns/{returnId}/inspections",
            new
            {
                unitIds = new[] { unitId },
                grade = "sellable",
                inspector = "load",
            },
            cancellationToken
        );
        return graded.IsSuccessStatusCode;
    }

    private static async Task<T> Json<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.ReadAsync<T>();
    }

    private static async Task<string> CheckInvariantsAsync(string database, int errorMessages, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        async Task<long> Scalar(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("seller", Seller);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        long unsent = 0;
        for (var waited = 0; waited < 60; waited++)
        {
            unsent = 0;
            foreach (var schema in new[] { "receiving", "allocation", "forecasting", "returns", "liquidation", "limits" })
            {
                unsent += await Scalar(
                    $"SELECT CASE WHEN to_regclass('{schema}.outbox') IS NULL THEN 0 ELSE (SELECT COUNT(*) FROM {schema}.outbox WHERE "
                        + "sent_at IS NULL) END"
                );
            }

            if (unsent == 0)
            {
                break;
            }

            await Task.Delay(1000, cancellationToken);
        }

        var received = await Scalar("SELECT COUNT(*) FROM receiving.units WHERE seller_id = @seller AND lower(condition) = 'sellable'");
        var onHand = await Scalar("SELECT COALESCE(SUM(on_hand), 0) FROM allocation.stock_balances WHERE seller_id = @seller");
        var shipped = await Scalar(
            "SELECT COALESCE(-SUM(quantity), 0) FROM allocation.stock_movements WHERE seller_id = @seller AND bucket = 'OnHand' AND reason "
                + "= 'Shipped'"
        );
        var restocked = await Scalar(
            "SELECT COALESCE(SUM(quantity), 0) FROM allocation.stock_movements WHERE seller_id = @seller AND bucket = 'OnHand' AND reason "
                + "= 'ReturnRestocked'"
        );
        var graded = await Scalar("SELECT COUNT(*) FROM returns.returned_units WHERE seller_id = @seller");
        var reserved = await Scalar("SELECT COALESCE(SUM(reserved), 0) FROM allocation.stock_balances WHERE seller_id = @seller");
        var held = await Scalar(
            "SELECT COALESCE(SUM(a.quantity), 0) FROM allocation.order_allocations a JOIN allocation.orders o ON o.id = a.order_id "
                + "WHERE o.seller_id = @seller AND a.shipped_at IS NULL AND o.status <> 'Cancelled'"
        );
        var oversold = await Scalar("SELECT COUNT(*) FROM allocation.stock_balances WHERE reserved > on_hand OR on_hand < 0");
        var disagreeing = await Scalar(
            "SELECT COUNT(*) FROM allocation.stock_balances b WHERE b.seller_id = @seller AND (b.on_hand, b.reserved, b.version) <> "
                + "(SELECT COALESCE(SUM(quantity) FILTER (WHERE bucket = 'OnHand'), 0), COALESCE(SUM(quantity) FILTER (WHERE bucket = "
                + "'Reserved'), 0), COUNT(*) "
                + "FROM allocation.stock_movements m WHERE m.seller_id = b.seller_id AND m.fnsku = b.fnsku AND m.fulfillment_center = "
                + "b.fulfillment_center)"
        );

        var pass =
            unsent == 0
            && errorMessages == 0
            && received + restocked == onHand + shipped
            && reserved == held
            && oversold == 0
            && disagreeing == 0;
        return $"Invariants: {(pass ? "PASS" : "FAIL")}: unsent outbox rows {unsent}; messages in error queues {errorMessages}; "
            + $"units received {received} + restocked from returns {restocked} (units returned {graded}) = on hand {onHand} + shipped "
            + $"{shipped}; "
            + $"reserved {reserved} = held by open orders {held}; "
            + $"oversold balances {oversold}; balances the journal does not rebuild {disagreeing}.";
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Hosting;
using InventoryPlatform.IntegrationTests;
using InventoryPlatform.Receiving.Api;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// Dock scanners posting scans through the gateway: units per second accepted, and the time from a batch's
/// 200 OK until Allocation's stock (read through the gateway) shows its units on hand. Each client scans
/// into its own shipment and FNSKU at one FC whose bins are configured, so putaway runs on the hot path too.
/// </summary>
public sealed class ReceivingScanIngestBenchmark : IBenchmark
{
    private const string FulfillmentCenter = "MAN2";

    public string Name => "receiving-scan-ingest";

    public string Description => "Scans through the gateway at batch sizes 1 and 100: units/s accepted, scan-to-stock-visible p50/p99.";

    public async Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken)
    {
        var phases = new[] { (Batch: 1, Clients: 16), (Batch: 100, Clients: 8) };

        // Steady state, not start-up: freshly started services run unoptimised code and compile for the first tens of
        // seconds under load, which the measured phases would otherwise count. Each phase runs once unmeasured first.
        var warmUp = TimeSpan.FromSeconds(
            options.Values.TryGetValue("warmup", out var seconds)
                ? double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)
                : 40
        );
        foreach (var (batch, clients) in phases)
        {
            await RunPhaseAsync(platform, batch, clients, warmUp / phases.Length, cancellationToken);
        }

        Console.WriteLine($"Warmed up: {warmUp.TotalSeconds:0} s, each batch size in turn (the lines above); measuring now.");
        var rows = new List<string>();
        foreach (var (batch, clients) in phases)
        {
            rows.Add(await RunPhaseAsync(platform, batch, clients, options.Duration, cancellationToken));
        }

        Console.WriteLine();
        Console.WriteLine($"Receiving scan ingest through the gateway, {options.Duration.TotalSeconds:0} s per batch size:");
        Console.WriteLine();
        Console.WriteLine(
            "| batch size | clients | units accepted | units/s | requests/s | request p50 ms | request p99 ms | scan-to-stock-visible p50 "
                + "ms | p99 ms | max ms |"
        );
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }
    }

    private static async Task<string> RunPhaseAsync(
        BenchPlatform platform,
        int batchSize,
        int clients,
        TimeSpan duration,
        CancellationToken cancellationToken
    )
    {
        var seller = $"bench-scan-{batchSize}-{Guid.NewGuid():N}"[..40];
        var run = Guid.NewGuid().ToString("N")[..12]; // unit ids are global: each run (warm-up or measured) scans new units
        using var gateway = platform.Client("gateway", seller);
        using (var admin = platform.AdminClient())
        {
            await ConfigureBinsAsync(admin);
        }

        var workers = new List<(string Fnsku, Guid Shipment)>();
        for (var c = 0; c < clients; c++)
        {
            var fnsku = await RegisterItemAsync(gateway, $"BENCH-{batchSize}-{c}");
            workers.Add((fnsku, await CreateShipmentAsync(gateway, fnsku)));
        }

        // Per FNSKU: (units on hand once this batch is visible, when its 200 OK arrived), in order.
        var pending = workers.ToDictionary(
            w => w.Fnsku,
            _ => new ConcurrentQueue<(int Cumulative, long AcceptedAt)>(),
            StringComparer.Ordinal
        );
        var visibleMs = new ConcurrentBag<double>();
        var requestMs = new ConcurrentBag<double>();
        var accepted = 0L;
        var clock = Stopwatch.StartNew();
        var deadline = clock.Elapsed + duration;
        using var stopPolling = new CancellationTokenSource();
        var poller = PollStockAsync(gateway, pending, visibleMs, clock, stopPolling.Token);

        var work = workers
            .Select(
                async (w, index) =>
                {
                    using var client = platform.Client("gateway", seller);
                    var cumulative = 0;
                    var unit = 0;
                    while (clock.Elapsed < deadline && !cancellationToken.IsCancellationRequested)
                    {
                        var scans = Enumerable
                            .Range(0, batchSize)
                            .Select(_ => new
                            {
                                unitId = $"b{batchSize}-{run}-{index}-{unit++}",
                                fnsku = w.Fnsku,
                                condition = "sellable",
                            })
                            .ToList();
                        var started = clock.ElapsedTicks;
                        using var response =
                            batchSize == 1
                                ? await client.PostAsJsonAsync(
                                    $"/api/receiving/v1/shipments/{w.Shipment}/scans",
                                    scans[0],
                                    cancellationToken
                                )
                                : await client.PostAsJsonAsync(
                                    $"/api/receiving/v1/shipments/{w.Shipment}/scans/batch",
                                    new { scans },
                                    cancellationToken
                                );
                        var done = clock.ElapsedTicks;
                        if (!response.IsSuccessStatusCode)
                        {
                            throw new InvalidOperationException(
                                $"Scan refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}"
                            );
                        }

                        var count = (await response.ReadAsync<ScanResult>(cancellationToken)).Accepted;
                        cumulative += count;
                        Interlocked.Add(ref accepted, count);
                        requestMs.Add((done - started) * 1000.0 / Stopwatch.Frequency);
                        pending[w.Fnsku].Enqueue((cumulative, done));
                    }
                }
            )
            .ToList();
        await Task.WhenAll(work);
        var elapsed = clock.Elapsed;

        // Everything accepted must show up; wait for the tail, then stop the poller.
        var waitUntil = clock.Elapsed + TimeSpan.FromSeconds(120);
        while (pending.Values.Any(q => !q.IsEmpty) && clock.Elapsed < waitUntil)
        {
            await Task.Delay(100, cancellationToken);
        }

        await stopPolling.CancelAsync();
        await poller;
        var missing = pending.Values.Sum(q => q.Count);
        if (missing > 0)
        {
            Console.WriteLine($"WARNING: {missing} batches never became visible in Allocation's stock within 120 s.");
        }

        var visible = visibleMs.Order().ToList();
        var requests = requestMs.Order().ToList();
        Console.WriteLine(
            $"batch {batchSize}: {accepted} units in {elapsed.TotalSeconds:0.0} s, {requests.Count} requests, {visible.Count} batches seen "
                + "in stock."
        );
        return Stats.Row(
            batchSize,
            clients,
            accepted,
            accepted / elapsed.TotalSeconds,
            requests.Count / elapsed.TotalSeconds,
            Stats.Percentile(requests, 50),
            Stats.Percentile(requests, 99),
            Stats.Percentile(visible, 50),
            Stats.Percentile(visible, 99),
            visible.Count > 0 ? visible[^1] : double.NaN
        );
    }

    /// <summary>Reads the seller's stock at the FC every 50 ms and times each batch from its 200 OK to its units on hand.</summary>
    private static async Task PollStockAsync(
        HttpClient gateway,
        Dictionary<string, ConcurrentQueue<(int Cumulative, long AcceptedAt)>> pending,
        ConcurrentBag<double> visibleMs,
        Stopwatch clock,
        CancellationToken stop
    )
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await gateway.GetAsync(
                    $"/api/allocation/v1/stock?fulfillmentCenter={FulfillmentCenter}&limit=500",
                    stop
                );
                response.EnsureSuccessStatusCode();
                var page = await response.ReadAsync<Page<StockResponse>>(stop);
                var seenAt = clock.ElapsedTicks;
                foreach (var row in page.Items)
                {
                    var fnsku = row.Fnsku;
                    var onHand = row.OnHand;
                    if (!pending.TryGetValue(fnsku, out var queue))
                    {
                        continue;
                    }

                    while (queue.TryPeek(out var next) && next.Cumulative <= onHand && queue.TryDequeue(out next))
                    {
                        visibleMs.Add(Math.Max(0, seenAt - next.AcceptedAt) * 1000.0 / Stopwatch.Frequency);
                    }
                }

                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task ConfigureBinsAsync(HttpClient admin)
    {
        var bins = Enumerable
            .Range(1, 200)
            .Select(i => new
            {
                binId = $"BNC-{i:000}",
                zone = i <= 50 ? "A"
                : i <= 150 ? "B"
                : "C",
                pickFaceDistanceMeters = (decimal)i,
                capacityCubicFeet = 5_000m,
            });
        using var response = await admin.PutAsJsonAsync($"/api/receiving/v1/fulfillment-centers/{FulfillmentCenter}/bins", new { bins });
        response.EnsureSuccessStatusCode();
    }

    private static async Task<string> RegisterItemAsync(HttpClient gateway, string sku)
    {
        using var response = await gateway.PostAsJsonAsync(
            "/api/receiving/v1/items",
            new
            {
                sellerSku = sku,
                title = sku,
                storageType = "standard",
                dimensions = new
                {
                    lengthCm = 20,
                    widthCm = 15,
                    heightCm = 10,
                    weightKg = 0.8,
                },
                listPrice = new { amount = 19.99, currency = "USD" },
            }
        );
        response.EnsureSuccessStatusCode();
        return (await response.ReadAsync<ItemResponse>()).Fnsku;
    }

    private static async Task<Guid> CreateShipmentAsync(HttpClient gateway, string fnsku)
    {
        using var response = await gateway.PostAsJsonAsync(
            "/api/receiving/v1/shipments",
            new { fulfillmentCenter = FulfillmentCenter, lines = new[] { new { fnsku, expectedUnits = 1_000_000 } } }
        );
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Shipment refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
            );
        }

        return (await response.ReadAsync<ShipmentResponse>()).Id;
    }
}

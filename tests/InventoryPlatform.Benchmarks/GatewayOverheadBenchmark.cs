using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.IntegrationTests;
using InventoryPlatform.Receiving.Api;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// What the gateway costs: the same read (one item by FNSKU) straight to Receiving and through the gateway
/// (API key check, rate limiter, signed identity, proxy hop), at 1, 16 and 64 concurrent clients. Beside them the
/// same read through a <see cref="BareProxy"/>, a YARP hop with nothing in it: the least any YARP gateway costs here.
/// </summary>
public sealed class GatewayOverheadBenchmark : IBenchmark
{
    public string Name => "gateway-overhead";

    public string Description =>
        "the same read direct, through the gateway and through a bare YARP hop: requests/s, p50, p99 at 1/16/64 clients";

    public async Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken)
    {
        const string seller = "bench-gateway";
        using var gateway = platform.Client("gateway", seller);
        using var direct = platform.Client("receiving", seller);
        await using var bareProxy = await BareProxy.StartAsync(platform.Endpoint("receiving"));
        using var bare = platform.Client("receiving", seller, bareProxy.Address);
        var registered = await gateway.PostAsJsonAsync(
            "/api/receiving/v1/items",
            new
            {
                sellerSku = "BENCH-READ-1",
                title = "Benchmark item",
                storageType = "standard",
                dimensions = new
                {
                    lengthCm = 10,
                    widthCm = 10,
                    heightCm = 10,
                    weightKg = 1,
                },
                listPrice = new { amount = 10, currency = "USD" },
            },
            cancellationToken
        );
        registered.EnsureSuccessStatusCode();
        var fnsku = (await registered.ReadAsync<ItemResponse>(cancellationToken)).Fnsku;
        var path = $"/api/receiving/v1/items/{fnsku}";

        // Steady state, not start-up: freshly started processes first run unoptimised (tier-0) code and spend their CPU
        // compiling, which the first cells would otherwise count as the gateway's cost.
        var warmUp = TimeSpan.FromSeconds(
            options.Values.TryGetValue("warmup", out var seconds)
                ? double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)
                : 40
        );
        await LoadRunner.RunAsync(16, warmUp / 3, async _ => (await direct.GetAsync(path, cancellationToken)).IsSuccessStatusCode);
        await LoadRunner.RunAsync(16, warmUp / 3, async _ => (await bare.GetAsync(path, cancellationToken)).IsSuccessStatusCode);
        await LoadRunner.RunAsync(16, warmUp / 3, async _ => (await gateway.GetAsync(path, cancellationToken)).IsSuccessStatusCode);
        Console.WriteLine(
            $"Warmed up: {warmUp.TotalSeconds:0} s of 16 clients, a third each direct, through the bare proxy and through the gateway."
        );

        Console.WriteLine($"Duration per cell: {options.Duration.TotalSeconds} s, GET {path} (one database read).");
        Console.WriteLine();
        Console.WriteLine(
            Stats.Row(
                "clients",
                "direct req/s",
                "direct p50 ms",
                "direct p99 ms",
                "gateway req/s",
                "gateway p50 ms",
                "gateway p99 ms",
                "throughput lost",
                "p50 added ms",
                "bare proxy req/s",
                "bare proxy lost",
                "bare proxy p50 added ms",
                "errors"
            )
        );
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var cpu = new List<string>();
        foreach (var clients in new[] { 1, 16, 64 })
        {
            var (straight, straightCpu) = await MeasureAsync(clients, options.Duration, direct, path, cancellationToken);
            var (hop, hopCpu) = await MeasureAsync(clients, options.Duration, bare, path, cancellationToken);
            var (proxied, proxiedCpu) = await MeasureAsync(clients, options.Duration, gateway, path, cancellationToken);
            Console.WriteLine(
                Stats.Row(
                    clients,
                    straight.PerSecond,
                    straight.P50Ms,
                    straight.P99Ms,
                    proxied.PerSecond,
                    proxied.P50Ms,
                    proxied.P99Ms,
                    $"{1 - (proxied.PerSecond / straight.PerSecond):P1}",
                    proxied.P50Ms - straight.P50Ms,
                    hop.PerSecond,
                    $"{1 - (hop.PerSecond / straight.PerSecond):P1}",
                    hop.P50Ms - straight.P50Ms,
                    straight.Failures + hop.Failures + proxied.Failures
                )
            );
            cpu.Add(
                Stats.Row(
                    clients,
                    PerRequest(straightCpu, "receiving", straight),
                    PerRequest(straightCpu, "postgresql", straight),
                    PerRequest(proxiedCpu, "gateway", proxied),
                    PerRequest(proxiedCpu, "receiving", proxied),
                    PerRequest(proxiedCpu, "postgresql", proxied),
                    PerRequest(hopCpu, "bare proxy", hop),
                    PerRequest(hopCpu, "receiving", hop)
                )
            );
        }

        // CPU per request does not depend on what else the machine runs, so it shows the gateway's cost even on a busy box.
        Console.WriteLine();
        Console.WriteLine("CPU per request, microseconds (from /proc):");
        Console.WriteLine();
        Console.WriteLine(
            Stats.Row(
                "clients",
                "direct: receiving",
                "direct: postgresql",
                "gateway: gateway",
                "gateway: receiving",
                "gateway: postgresql",
                "bare: proxy",
                "bare: receiving"
            )
        );
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        cpu.ForEach(Console.WriteLine);
    }

    private static async Task<(LoadRunner.Result Result, IReadOnlyList<(string Group, double Cores, double PeakMb)> Cpu)> MeasureAsync(
        int clients,
        TimeSpan duration,
        HttpClient client,
        string path,
        CancellationToken cancellationToken
    )
    {
        var probe = ProcessProbe.Start();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var result = await LoadRunner.RunAsync(clients, duration, async _ =>
            (await client.GetAsync(path, cancellationToken)).StatusCode == HttpStatusCode.OK
        );
        return (result, probe.Finish(started.Elapsed).Select(g => (g.Group, g.Cores * started.Elapsed.TotalSeconds, g.PeakMb)).ToList());
    }

    private static double PerRequest(
        IReadOnlyList<(string Group, double CpuSeconds, double PeakMb)> cpu,
        string group,
        LoadRunner.Result result
    ) => cpu.Where(g => g.Group == group).Sum(g => g.CpuSeconds) * 1e6 / Math.Max(1, result.Requests);
}

using System.Diagnostics;

namespace InventoryPlatform.Benchmarks;

/// <summary>Runs a request in a closed loop from N concurrent clients for a fixed time and measures it.</summary>
public static class LoadRunner
{
    public sealed record Result(int Clients, int Requests, int Failures, double PerSecond, double P50Ms, double P99Ms);

    public static async Task<Result> RunAsync(int clients, TimeSpan duration, Func<int, Task<bool>> request)
    {
        // Warm-up: connections, JIT, pools.
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => request(c)));

        var latencies = new List<double>[clients];
        var failures = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(
            Enumerable
                .Range(0, clients)
                .Select(async client =>
                {
                    var mine = latencies[client] = [];
                    while (stopwatch.Elapsed < duration)
                    {
                        var started = Stopwatch.GetTimestamp();
                        var ok = await request(client);
                        mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        if (!ok)
                        {
                            Interlocked.Increment(ref failures);
                        }
                    }
                })
        );
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Result(clients, all.Count, failures, all.Count / elapsed, Stats.Percentile(all, 50), Stats.Percentile(all, 99));
    }
}

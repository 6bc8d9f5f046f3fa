using System.Diagnostics;
using System.Globalization;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// Forecast throughput of the service's own pipeline: 10,000 synthetic daily series of two years (weekly and yearly
/// seasonality, trend, Poisson noise; a fifth of them slow intermittent movers), each forecast 13 weeks ahead with
/// P10/P50/P90 after a 3-fold rolling-origin backtest of every candidate model on those 91 horizons. --series, --days and --global true
/// (adds the global gradient-boosted candidate) change the run.
/// </summary>
public sealed class SyntheticForecastBenchmark : IBenchmark
{
    public string Name => "forecast-synthetic";

    public string Description =>
        "10,000 synthetic daily series x 2 years, forecast 13 weeks ahead with backtest selection and intervals; timed.";

    public bool NeedsPlatform => false;

    public Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken) =>
        RunWithoutPlatformAsync(options, cancellationToken);

    public Task RunWithoutPlatformAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        int Option(string name, int fallback) =>
            options.Values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var count = Option("series", 10_000);
        var days = Option("days", 2 * 365);
        var useGlobal = options.Values.TryGetValue("global", out var g) && g == "true";
        var start = new DateOnly(2024, 1, 1);
        var covariates = CalendarFeatures.Daily(start, days + 91, new HashSet<DateOnly>(), []);
        var random = new Random(42);
        var panel = Enumerable
            .Range(0, count)
            .Select(i => new DemandSeries($"s{i}", Series(random, days, i % 5 == 0), covariates, [i % 10]))
            .ToList();

        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var forecasts = DemandForecaster.Forecast(panel, new ForecastSettings(HorizonDays: 91, UseGlobalModel: useGlobal));
        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        Console.WriteLine(Stats.Row("series", "days of history", "horizon days", "global model", "wall s", "CPU s", "series/s (wall)"));
        Console.WriteLine(Stats.Row("---:", "---:", "---:", "---", "---:", "---:", "---:"));
        Console.WriteLine(
            Stats.Row(count, days, 91, useGlobal ? "yes" : "no", clock.Elapsed.TotalSeconds, cpuSeconds, count / clock.Elapsed.TotalSeconds)
        );
        Console.WriteLine();
        Console.WriteLine(
            "Models chosen by backtest: "
                + string.Join(", ", forecasts.GroupBy(f => f.Model).OrderByDescending(x => x.Count()).Select(x => $"{x.Key} {x.Count()}"))
        );
        Console.WriteLine(
            $"Load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")} on "
                + $"{Environment.ProcessorCount} cores."
        );
        return Task.CompletedTask;
    }

    internal static double[] Series(Random random, int days, bool intermittent)
    {
        if (intermittent)
        {
            var chance = 0.05 + random.NextDouble() * 0.2;
            return Enumerable.Range(0, days).Select(_ => random.NextDouble() < chance ? (double)random.Next(1, 6) : 0).ToArray();
        }

        var level = Math.Exp(1 + random.NextDouble() * 3);
        var trend = (random.NextDouble() - 0.5) * level / days;
        var weekly = Enumerable.Range(0, 7).Select(_ => 0.7 + random.NextDouble() * 0.6).ToArray();
        var yearly = random.NextDouble() * 0.4;
        return Enumerable
            .Range(0, days)
            .Select(t =>
            {
                var mean = Math.Max(0.1, (level + trend * t) * weekly[t % 7] * (1 + yearly * Math.Sin(2 * Math.PI * t / 364)));
                return (double)Poisson(random, mean);
            })
            .ToArray();
    }

    private static int Poisson(Random random, double mean)
    {
        if (mean > 30)
        {
            // Normal approximation for large means (Knuth's method would loop mean times).
            var u = 1 - random.NextDouble();
            var v = random.NextDouble();
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v)));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }
}

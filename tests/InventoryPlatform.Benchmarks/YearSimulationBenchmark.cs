using System.Diagnostics;
using System.Globalization;
using InventoryPlatform.Benchmarks.Simulation;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// A year of synthetic demand (long-tail sales, weekly rhythm, seasons, promotions, regional skew, returns) through the
/// platform's own domain logic on a simulated clock, once with the platform's policies and once with a naive baseline.
/// Prints the inventory outcomes side by side and draws them as a PNG.
/// </summary>
public sealed class YearSimulationBenchmark : IBenchmark
{
    public string Name => "simulate-year";

    public string Description =>
        "A year of synthetic demand through the platform's domain logic vs a one-FC min/max baseline: fill rate, splits, transit, supply, "
        + "ageing, storage cost (table + PNG).";

    public bool NeedsPlatform => false;

    public Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken) =>
        RunWithoutPlatformAsync(options, cancellationToken);

    public Task RunWithoutPlatformAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var products = options.Values.TryGetValue("products", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 30;
        var seed = options.Values.TryGetValue("seed", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 2026;
        var chart = options.Values.TryGetValue("chart", out var c) ? c : Path.Combine("docs", "simulation.png");
        var clock = Stopwatch.StartNew();
        var simulation = new YearSimulation(new SyntheticDemand(products, seed, new DateOnly(2025, 1, 6)));
        var outcomes = new[] { simulation.Run(new PlatformPolicy()), simulation.Run(new SingleCenterMinMaxPolicy()) };
        Console.WriteLine(
            $"{products} products, seed {seed}, {YearSimulation.HistoryDays} days of history then {YearSimulation.SimulatedDays} simulated "
                + $"days; ran in {clock.Elapsed.TotalSeconds:0.0} s."
        );
        Console.WriteLine();
        Console.WriteLine(Stats.Row(["outcome", .. outcomes.Select(o => o.Policy)]));
        Console.WriteLine(Stats.Row(["---", .. outcomes.Select(_ => "---:")]));
        foreach (var (label, value) in Metrics)
        {
            Console.WriteLine(Stats.Row([label, .. outcomes.Select(value)]));
        }

        SimulationChart.Save(outcomes, chart);
        Console.WriteLine();
        Console.WriteLine($"Chart: {chart}");
        return Task.CompletedTask;
    }

    internal static readonly (string Label, Func<SimulationOutcome, string> Value)[] Metrics =
    [
        ("units demanded", o => o.UnitsDemanded.ToString("N0", CultureInfo.InvariantCulture)),
        ("fill rate", o => o.FillRate.ToString("P1", CultureInfo.InvariantCulture)),
        ("split-shipment rate", o => o.SplitShipmentRate.ToString("P1", CultureInfo.InvariantCulture)),
        ("average transit (hours)", o => o.AverageTransitHours.ToString("0.0", CultureInfo.InvariantCulture)),
        ("average days of supply", o => o.AverageDaysOfSupply.ToString("0.0", CultureInfo.InvariantCulture)),
        ("units aged > 90 days at year end", o => o.UnitsAgedOver90Days.ToString("N0", CultureInfo.InvariantCulture)),
        ("units aged > 180 days at year end", o => o.UnitsAgedOver180Days.ToString("N0", CultureInfo.InvariantCulture)),
        ("storage cost (USD)", o => o.StorageCost.ToString("N0", CultureInfo.InvariantCulture)),
        ("units returned", o => o.UnitsReturned.ToString("N0", CultureInfo.InvariantCulture)),
    ];
}

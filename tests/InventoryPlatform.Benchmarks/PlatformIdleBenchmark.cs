namespace InventoryPlatform.Benchmarks;

/// <summary>
/// What the platform costs doing nothing: CPU per process over a quiet period after start-up. Whatever shows here
/// (pollers, timers, telemetry) is taken from every request the other benchmarks measure on the same cores.
/// </summary>
public sealed class PlatformIdleBenchmark : IBenchmark
{
    public string Name => "platform-idle";

    public string Description => "CPU per process while the platform serves nothing (after a settling period)";

    public async Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
        var probe = ProcessProbe.Start();
        await Task.Delay(options.Duration, cancellationToken);
        Console.WriteLine($"Idle for {options.Duration.TotalSeconds:0} s after 15 s of settling:");
        Console.WriteLine();
        Console.WriteLine(Stats.Row("process", "CPU % of one core", "peak memory MB"));
        Console.WriteLine(Stats.Row("---", "---:", "---:"));
        foreach (var (group, cores, peakMb) in probe.Finish(options.Duration))
        {
            Console.WriteLine(Stats.Row(group, cores * 100, peakMb));
        }
    }
}

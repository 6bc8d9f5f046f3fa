namespace InventoryPlatform.Benchmarks;

/// <summary>One named measurement; found by reflection, chosen by name on the command line.</summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken);
}

public sealed record BenchOptions(TimeSpan Duration, IReadOnlyDictionary<string, string> Values)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        var seconds = values.TryGetValue("duration", out var d) ? int.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : 20;
        return new BenchOptions(TimeSpan.FromSeconds(seconds), values);
    }
}

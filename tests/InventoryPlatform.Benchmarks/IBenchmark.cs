using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Benchmarks;

/// <summary>One named measurement; found by reflection, chosen by name on the command line.</summary>
public interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    /// <summary>False for a benchmark of pure code (forecast models on a data set): it runs through
    /// <see cref="RunWithoutPlatformAsync"/> and the platform is not started.</summary>
    bool NeedsPlatform => true;

    Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken);

    Task RunWithoutPlatformAsync(BenchOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} needs the platform.");
}

public sealed record BenchOptions(TimeSpan Duration, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>What a forecasting benchmark's point forecast aims at: <c>--point median | mean</c>, else MAPE (the scorecard's
    /// metric; the seller's default is the median).</summary>
    public PointForecast Point =>
        Values.GetValueOrDefault("point") switch
        {
            "mean" => PointForecast.Mean,
            "median" => PointForecast.Median,
            _ => PointForecast.PercentageError,
        };

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

using InventoryPlatform.Benchmarks;

// dotnet run -c Release --project tests/InventoryPlatform.Benchmarks -- <name> [--duration 30]
// (scripts/bench.sh starts PostgreSQL and RabbitMQ first and passes their addresses; benchmarks that do not
// need the platform, such as the forecast models', can also run with dotnet run directly.)
if (args is [BareProxy.Command, var destination])
{
    await BareProxy.RunAsync(destination);
    return 0;
}

var benchmarks = typeof(IBenchmark)
    .Assembly.GetTypes()
    .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (chosen is null)
{
    Console.WriteLine("Usage: scripts/bench.sh <benchmark> [--duration SECONDS]");
    foreach (var benchmark in benchmarks)
    {
        Console.WriteLine($"  {benchmark.Name, -20} {benchmark.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

var options = BenchOptions.Parse(args.Skip(1).ToArray());
if (!chosen.NeedsPlatform)
{
    await chosen.RunWithoutPlatformAsync(options, CancellationToken.None);
    return 0;
}

await using var platform = await BenchPlatform.StartAsync(options);
await chosen.RunAsync(platform, options, CancellationToken.None);
return 0;

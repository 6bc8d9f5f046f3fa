using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// CPU seconds and peak memory of the platform's processes over a run, read from /proc: each service and the
/// gateway by their assembly name, PostgreSQL (the postmaster on the run's port and its backends) and RabbitMQ
/// (the Erlang VM of the run's node). A service counts only when its environment names the run's database port,
/// so other runs on the same machine (test suites at other port offsets) are not added in.
/// </summary>
public sealed class ProcessProbe
{
    private static readonly double TicksPerSecond = 100;
    private readonly Dictionary<string, double> _cpuAtStart;
    private readonly Dictionary<string, long> _peakMemoryKb = [];

    private ProcessProbe(Dictionary<string, double> cpuAtStart) => _cpuAtStart = cpuAtStart;

    public static ProcessProbe Start() => new(Sample().ToDictionary(g => g.Key, g => g.Value.CpuSeconds));

    /// <summary>Records memory; call every second or so while the load runs.</summary>
    public void Tick()
    {
        foreach (var (group, (_, rss)) in Sample())
        {
            _peakMemoryKb[group] = Math.Max(_peakMemoryKb.GetValueOrDefault(group), rss);
        }
    }

    /// <summary>Per process group: CPU seconds used since <see cref="Start"/>, as cores over the wall time, and peak memory (proportional
    /// set size).</summary>
    public IReadOnlyList<(string Group, double Cores, double PeakMb)> Finish(TimeSpan wall)
    {
        Tick();
        return Sample()
            .Select(g =>
                (
                    g.Key,
                    (g.Value.CpuSeconds - _cpuAtStart.GetValueOrDefault(g.Key)) / wall.TotalSeconds,
                    _peakMemoryKb.GetValueOrDefault(g.Key) / 1024.0
                )
            )
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, (double CpuSeconds, long MemoryKb)> Sample()
    {
        var processes = Directory
            .EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(Read)
            .Where(p => p is not null)
            .Select(p => p!.Value)
            .ToList();
        var postgresPort = new Npgsql.NpgsqlConnectionStringBuilder(
            Environment.GetEnvironmentVariable("INVENTORY_TEST_POSTGRES") ?? ""
        ).Port;
        var postmaster = processes.FirstOrDefault(p =>
            p.CommandLine.Contains("postgres", StringComparison.Ordinal)
            && p.CommandLine.Contains($"-p {postgresPort} ", StringComparison.Ordinal)
        );
        var offset = Environment.GetEnvironmentVariable("INVENTORY_TEST_PORT_OFFSET") ?? "0";
        var groups = new Dictionary<string, (double, long)>(StringComparer.Ordinal);
        foreach (var process in processes)
        {
            var group = GroupOf(process, postmaster.Pid, postgresPort, offset);
            if (group is not null)
            {
                var (cpu, rss) = groups.GetValueOrDefault(group);
                groups[group] = (cpu + process.CpuSeconds, rss + process.MemoryKb);
            }
        }

        return groups;
    }

    private static string? GroupOf(
        (int Pid, int ParentPid, string CommandLine, double CpuSeconds, long MemoryKb) process,
        int postmaster,
        int postgresPort,
        string offset
    )
    {
        // The AppHost starts each service through "dotnet run", whose wrapper process is not the service.
        if (process.CommandLine.Contains(" run --project ", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (
            var name in new[] { "Receiving", "Allocation", "Forecasting", "Returns", "Liquidation", "Limits", "Notifications", "Gateway" }
        )
        {
            if (process.CommandLine.Contains($"InventoryPlatform.{name}", StringComparison.Ordinal))
            {
                return UsesDatabasePort(process.Pid, postgresPort) ? name.ToLowerInvariant() : null;
            }
        }

        // Started as the benchmark's own executable or as "dotnet InventoryPlatform.Benchmarks.dll", then "bare-proxy".
        if (
            process.CommandLine.Contains("InventoryPlatform.Benchmarks", StringComparison.Ordinal)
            && process.CommandLine.Contains($" {BareProxy.Command} ", StringComparison.Ordinal)
        )
        {
            return UsesDatabasePort(process.Pid, postgresPort) ? "bare proxy" : null;
        }

        if (postmaster != 0 && (process.Pid == postmaster || process.ParentPid == postmaster))
        {
            return "postgresql";
        }

        // The run's broker: the Erlang VM that uses the run's epmd port (scripts/test-infra.sh: 56369 + offset).
        var epmdPort = 56369 + int.Parse(offset, CultureInfo.InvariantCulture);
        return
            process.CommandLine.Contains("beam.smp", StringComparison.Ordinal)
            && process.CommandLine.Contains($"-epmd_port {epmdPort} ", StringComparison.Ordinal)
            ? "rabbitmq"
            : null;
    }

    private static bool UsesDatabasePort(int pid, int postgresPort)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Contains($"Port={postgresPort};", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static (int Pid, int ParentPid, string CommandLine, double CpuSeconds, long MemoryKb)? Read(int pid)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name in parentheses: state ppid ... utime(14) stime(15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var cpu =
                (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture))
                / TicksPerSecond;
            // Proportional set size: shared pages (PostgreSQL's shared buffers) split among the processes that map them, so sums add up.
            var pssLine = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            var rss = pssLine is null
                ? 0
                : long.Parse(pssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            return (pid, int.Parse(fields[1], CultureInfo.InvariantCulture), commandLine, cpu, rss);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>The backlog of every queue on the run's broker, from the management API: how far each consumer lags.</summary>
public sealed class QueueProbe : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _vhost;
    private readonly Dictionary<string, int> _peak = new(StringComparer.Ordinal);

    public QueueProbe()
    {
        var management = new Uri(
            Environment.GetEnvironmentVariable("INVENTORY_TEST_RABBITMQ_MANAGEMENT")
                ?? throw new InvalidOperationException("INVENTORY_TEST_RABBITMQ_MANAGEMENT is not set; run through scripts/bench.sh.")
        );
        var amqp = new Uri(Environment.GetEnvironmentVariable("INVENTORY_TEST_RABBITMQ")!);
        _vhost = Uri.EscapeDataString(amqp.AbsolutePath.Length > 1 ? amqp.AbsolutePath[1..] : "/");
        _http = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "" }.Uri };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo)))
        );
    }

    public IReadOnlyDictionary<string, int> Peak => _peak;

    /// <summary>Forgets the peaks seen so far (after a warm-up, for instance).</summary>
    public void ForgetPeaks() => _peak.Clear();

    /// <summary>Dead letters: a consumer's <c>_error</c> and <c>_skipped</c> queues, which nothing consumes.</summary>
    public static bool IsErrorQueue(string queue) =>
        queue.EndsWith("_error", StringComparison.Ordinal) || queue.EndsWith("_skipped", StringComparison.Ordinal);

    /// <summary>
    /// Waits until no consumer queue holds a message, so that what comes next does not pay for earlier events; false when
    /// the limit passed first (a warning is printed then).
    /// </summary>
    public async Task<bool> WaitUntilConsumedAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await SampleAsync(cancellationToken)).Any(q => !IsErrorQueue(q.Key) && q.Value > 0))
        {
            if (clock.Elapsed >= limit)
            {
                Console.WriteLine($"WARNING: the consumers' queues still held messages after {limit.TotalSeconds:0} s; going on.");
                return false;
            }

            await Task.Delay(250, cancellationToken);
        }

        return true;
    }

    /// <summary>Messages ready or unacknowledged per queue now; remembers each queue's peak.</summary>
    public async Task<IReadOnlyDictionary<string, int>> SampleAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"api/queues/{_vhost}?columns=name,messages", cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var depths = document
            .RootElement.EnumerateArray()
            .ToDictionary(
                q => q.GetProperty("name").GetString()!,
                q => q.TryGetProperty("messages", out var m) ? m.GetInt32() : 0,
                StringComparer.Ordinal
            );
        foreach (var (queue, depth) in depths)
        {
            _peak[queue] = Math.Max(_peak.GetValueOrDefault(queue), depth);
        }

        return depths;
    }

    public void Dispose() => _http.Dispose();
}

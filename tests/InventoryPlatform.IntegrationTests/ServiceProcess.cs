using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// A service running as its own operating-system process (the built service, as a container would run it), so
/// that a test can kill it outright — no graceful shutdown, messages in flight unacknowledged — and start it again.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string _service;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Queue<string> _output = new();
    private Process? _process;

    private ServiceProcess(string service, IReadOnlyDictionary<string, string> settings, Uri address)
    {
        _service = service;
        _settings = settings;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts services/<paramref name="service"/> built in the test's configuration and waits until it is healthy.</summary>
    public static async Task<ServiceProcess> StartAsync(string service, IReadOnlyDictionary<string, string> settings)
    {
        var process = new ServiceProcess(service, settings, new Uri($"http://127.0.0.1:{FreePort()}"));
        await process.StartAsync();
        return process;
    }

    public async Task StartAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains(
            $"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}",
            StringComparison.Ordinal
        )
            ? "Release"
            : "Debug";
        var assembly = Path.Combine(
            RepositoryRoot(),
            "services",
            _service,
            "bin",
            configuration,
            "net10.0",
            $"InventoryPlatform.{_service}.dll"
        );
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Remember(line.Data);
        _process.ErrorDataReceived += (_, line) => Remember(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"{_service} exited with {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(250);
        }

        Assert.Fail($"{_service} was not healthy within 90 s:\n{Output}");
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public HttpClient ClientFor(string sellerId, params string[] scopes) =>
        new(
            new TestIdentity.Handler(new CallerIdentity(sellerId, scopes.Length > 0 ? scopes : TestIdentity.PartnerScopes))
            {
                InnerHandler = new HttpClientHandler(),
            }
        )
        {
            BaseAddress = Address,
        };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 200)
            {
                _output.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "InventoryPlatform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("InventoryPlatform.sln not found above the test directory.");
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// A YARP hop with nothing in it (no API key, rate limit, signed identity, correlation id, telemetry or logging) in
/// front of one service, in a process of its own: what any gateway built on YARP costs at the least on this machine,
/// the floor the platform's gateway is compared with.
/// </summary>
public sealed class BareProxy : IAsyncDisposable
{
    public const string Command = "bare-proxy";
    private const string ListeningOn = "Listening on ";

    private readonly Process _process;

    private BareProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts this benchmark executable again as a bare proxy to <paramref name="destination"/>.</summary>
    public static async Task<BareProxy> StartAsync(Uri destination)
    {
        // Run as "dotnet X.dll", the process is dotnet itself and the assembly must be named again.
        var self = Environment.ProcessPath!;
        string[] arguments =
            Path.GetFileNameWithoutExtension(self) == "dotnet"
                ? [typeof(BareProxy).Assembly.Location, Command, destination.ToString()]
                : [Command, destination.ToString()];
        var start = new ProcessStartInfo(self, arguments) { RedirectStandardOutput = true, RedirectStandardInput = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The bare proxy did not start.");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(ListeningOn, StringComparison.Ordinal))
                {
                    return new BareProxy(process, new Uri(line[ListeningOn.Length..]));
                }
            }

            await process.WaitForExitAsync(timeout.Token);
            throw new InvalidOperationException($"The bare proxy exited ({process.ExitCode}) before it listened.");
        }
        catch
        {
            await StopAsync(process);
            throw;
        }
    }

    /// <summary>The child process: listens on a free loopback port, forwards everything to the destination.</summary>
    public static async Task RunAsync(string destination)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder
            .Services.AddReverseProxy()
            .LoadFromMemory(
                [
                    new RouteConfig
                    {
                        RouteId = "all",
                        ClusterId = "service",
                        Match = new RouteMatch { Path = "/{**rest}" },
                    },
                ],
                [
                    new ClusterConfig
                    {
                        ClusterId = "service",
                        Destinations = new Dictionary<string, DestinationConfig> { ["only"] = new() { Address = destination } },
                    },
                ]
            );
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Console.WriteLine(ListeningOn + address);
        // The benchmark holds this process's standard input: when it ends, even killed, the input closes and so does the proxy.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    public ValueTask DisposeAsync() => new(StopAsync(_process));

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }
}

using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace InventoryPlatform.Messaging;

/// <summary>
/// The watchdog's endpoint restarts still under way. A restart is never cancelled (a stop cut short leaves the endpoint
/// stopped for good); the watchdog waits up to <see cref="WatchdogOptions.StopTimeout"/> and lets it finish in the
/// background. One still unfinished after <see cref="WatchdogOptions.WedgedAfter"/> means an endpoint stuck on a dead
/// channel, which only a new process recovers: <see cref="ReceiveEndpointLiveness"/> reports it.
/// </summary>
public sealed class EndpointRestarts(WatchdogOptions options, TimeProvider time, ILogger<EndpointRestarts> logger)
{
    private readonly ConcurrentDictionary<string, (Task Restart, DateTimeOffset Since)> _underWay = new(StringComparer.Ordinal);

    /// <summary>True while the queue's endpoint is being restarted; a finished restart is forgotten here.</summary>
    public bool IsRestarting(string queue)
    {
        if (!_underWay.TryGetValue(queue, out var restart))
        {
            return false;
        }

        if (!restart.Restart.IsCompleted)
        {
            return true;
        }

        _underWay.TryRemove(queue, out _);
        return false;
    }

    /// <summary>Runs stop-and-start for the queue's endpoint and waits for it up to the stop timeout.</summary>
    public async Task RestartAsync(string queue, Func<CancellationToken, Task> stopAndStart, CancellationToken stoppingToken)
    {
        var restart = RunAsync(queue, stopAndStart, stoppingToken);
        _underWay[queue] = (restart, time.GetUtcNow());
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var finished = await Task.WhenAny(restart, Task.Delay(options.StopTimeout, time, waiting.Token));
        await waiting.CancelAsync();
        if (finished != restart)
        {
            logger.LogError(
                "The receive endpoint of {Queue} did not stop within {Timeout}; it is started once its stop finishes. If that takes longer "
                    + "than {WedgedAfter}, "
                    + "the service reports itself not alive (/alive) for the orchestrator to restart it.",
                queue,
                options.StopTimeout,
                options.WedgedAfter
            );
        }
    }

    /// <summary>The queues whose restart has been under way for at least <see cref="WatchdogOptions.WedgedAfter"/>, with since
    /// when.</summary>
    public IReadOnlyList<(string Queue, DateTimeOffset Since)> Wedged() =>
        _underWay
            .Where(r => !r.Value.Restart.IsCompleted && time.GetUtcNow() - r.Value.Since >= options.WedgedAfter)
            .Select(r => (r.Key, r.Value.Since))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .ToList();

    private async Task RunAsync(string queue, Func<CancellationToken, Task> stopAndStart, CancellationToken stoppingToken)
    {
        try
        {
            await stopAndStart(stoppingToken);
            logger.LogInformation("The receive endpoint of {Queue} was restarted.", queue);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            // Finished all the same: the watchdog tries again if the queue stays without a consumer.
            logger.LogError(exception, "Restarting the receive endpoint of {Queue} failed.", queue);
        }
    }
}

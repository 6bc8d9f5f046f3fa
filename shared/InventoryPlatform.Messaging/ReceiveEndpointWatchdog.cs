using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace InventoryPlatform.Messaging;

/// <summary>
/// Restarts a receive endpoint whose queue has had no consumer on the broker for <see cref="WatchdogOptions.StallAfter"/>
/// while the broker answers. MassTransit reconnects its endpoints after a broker outage by itself; an endpoint that does
/// not is found here, because a stuck endpoint does not know it is stuck, so the watchdog asks the broker. Temporary
/// queues (the bus's own) are not watched. A stop that hangs (a channel wedged on a connection the client still believes
/// open, seen in CI after a broker restart: docs/architecture.md) is left to finish, and the endpoint is started once it
/// does; while it hangs, <see cref="EndpointRestarts"/> feeds the liveness check.
/// The broker counts the consumers of every replica: a stuck replica goes unnoticed while another consumes its queue,
/// which keeps the events flowing.
/// </summary>
public sealed class ReceiveEndpointWatchdog(
    IBusControl bus,
    MessagingOptions options,
    Uri broker,
    EndpointRestarts restarts,
    TimeProvider time,
    ILogger<ReceiveEndpointWatchdog> logger
) : BackgroundService
{
    private static readonly string[] NotWatched = ["temporary=true", "durable=false", "autodelete=true"];

    private readonly EndpointSilence _silence = new(options.Watchdog.StallAfter);
    private IConnection? _connection;
    private IChannel? _channel;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Watchdog.Interval <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Watchdog.Interval, time, stoppingToken);
                try
                {
                    await CheckAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested && exception is not OutOfMemoryException)
                {
                    // The watchdog must never take the service down: log, forget what it saw and look again next time.
                    logger.LogWarning(
                        exception,
                        "The receive endpoint watchdog's check failed; it looks again in {Interval}.",
                        options.Watchdog.Interval
                    );
                    _silence.BrokerUnanswered();
                    await CloseAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            await CloseAsync();
        }
    }

    /// <summary>One look at every watched queue; restarts the endpoints silent for too long.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in bus.CheckHealth().Endpoints.Values)
        {
            if (QueueOf(endpoint.InputAddress) is not { } queue || restarts.IsRestarting(queue))
            {
                continue;
            }

            var consumers = await ConsumersAsync(queue, cancellationToken);
            if (consumers is null)
            {
                // The broker does not answer: nothing to judge; MassTransit reconnects by itself.
                _silence.BrokerUnanswered();
                return;
            }

            if (_silence.Observe(queue, consumers.Value, time.GetUtcNow()) is { } silent)
            {
                logger.LogWarning(
                    "Queue {Queue} has had no consumer for {Silent} while the broker answers; restarting its receive endpoint.",
                    queue,
                    silent
                );
                var receiveEndpoint = endpoint.ReceiveEndpoint;
                await restarts.RestartAsync(
                    queue,
                    async stopping =>
                    {
                        await receiveEndpoint.Stop(stopping);
                        receiveEndpoint.Start(stopping);
                    },
                    cancellationToken
                );
            }
        }
    }

    /// <summary>
    /// The queue's consumer count on the broker: zero for a queue the broker does not have (its endpoint would have declared
    /// it); null when the broker cannot be asked.
    /// </summary>
    private async Task<uint?> ConsumersAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            if (_connection is not { IsOpen: true })
            {
                await CloseAsync();
                var factory = new ConnectionFactory
                {
                    Uri = broker,
                    AutomaticRecoveryEnabled = false,
                    ClientProvidedName = "endpoint-watchdog",
                };
                _connection = await factory.CreateConnectionAsync(cancellationToken);
            }

            if (_channel is not { IsOpen: true })
            {
                if (_channel is not null)
                {
                    await _channel.DisposeAsync();
                }

                _channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
            }

            return (await _channel.QueueDeclarePassiveAsync(queue, cancellationToken)).ConsumerCount;
        }
        catch (OperationInterruptedException missing) when (missing.ShutdownReason?.ReplyCode == 404)
        {
            // The broker answered: no such queue, so nobody consumes it. Only the channel is closed by this answer.
            return 0;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            // Unreachable, refused, closed or too slow to answer (RabbitMQ.Client reports a late reply as a cancellation).
            logger.LogDebug(exception, "The watchdog could not ask the broker about {Queue}.", queue);
            await CloseAsync();
            return null;
        }
    }

    private async Task CloseAsync()
    {
        foreach (IAsyncDisposable? disposable in new IAsyncDisposable?[] { _channel, _connection })
        {
            try
            {
                if (disposable is not null)
                {
                    await disposable.DisposeAsync();
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogDebug(exception, "Closing the watchdog's broker connection failed.");
            }
        }

        _channel = null;
        _connection = null;
    }

    /// <summary>The durable queue behind an endpoint address; null for temporary, non-durable and auto-delete queues.</summary>
    public static string? QueueOf(Uri inputAddress) =>
        NotWatched.Any(q => inputAddress.Query.Contains(q, StringComparison.OrdinalIgnoreCase))
            ? null
            : Uri.UnescapeDataString(inputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1]);
}

/// <summary>How <see cref="ReceiveEndpointWatchdog"/> watches; an interval of zero turns it off.</summary>
public sealed class WatchdogOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a queue may have no consumer, while the broker answers, before its endpoint is restarted. Longer than
    /// MassTransit's longest wait between its own reconnect attempts (30 s), so the watchdog steps in where MassTransit
    /// will not rather than racing it.
    /// </summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// How long the watchdog waits for a restart before it moves on to the other queues; the stop goes on in the background
    /// either way. Longer than MassTransit's 20 s wait for a broker reply, which a stop on a dead channel runs into.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a restart may stay unfinished before the service reports itself not alive, for the orchestrator to replace
    /// it. Generous, because a stop also waits for the messages in hand, whose retries can take most of a minute.
    /// </summary>
    public TimeSpan WedgedAfter { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// Since when each watched queue has had no consumer while the broker answered. A queue with a consumer again is
/// forgotten; an unanswered broker clears every silence (nothing can be judged then).
/// </summary>
public sealed class EndpointSilence(TimeSpan stallAfter)
{
    private readonly Dictionary<string, DateTimeOffset> _silentSince = new(StringComparer.Ordinal);

    /// <summary>Records the queue's consumer count; returns how long it has been silent when its endpoint is due for a restart.</summary>
    public TimeSpan? Observe(string queue, uint consumers, DateTimeOffset now)
    {
        if (consumers > 0)
        {
            _silentSince.Remove(queue);
            return null;
        }

        if (!_silentSince.TryGetValue(queue, out var since))
        {
            _silentSince[queue] = now;
            return null;
        }

        if (now - since < stallAfter)
        {
            return null;
        }

        // Counting starts again, so a restart that does not help is tried again after another stallAfter.
        _silentSince.Remove(queue);
        return now - since;
    }

    /// <summary>The broker could not be asked: every silence starts over.</summary>
    public void BrokerUnanswered() => _silentSince.Clear();
}

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

/// <summary>
/// Part of liveness (<c>/alive</c>, and so of <c>/health</c>): unhealthy while an endpoint restart has hung for
/// <see cref="WatchdogOptions.WedgedAfter"/>. It judges this process's own restarts, never the broker's consumer count,
/// which includes the other replicas'.
/// </summary>
public sealed class ReceiveEndpointLiveness(EndpointRestarts restarts) : IHealthCheck
{
    public const string Name = "receive-endpoints";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            restarts.Wedged() is { Count: > 0 } wedged
                ? HealthCheckResult.Unhealthy(
                    $"Receive endpoint restarts hung since: {string.Join(", ", wedged.Select(w => $"{w.Queue} ({w.Since:O})"))}; only a "
                        + $"new process recovers them."
                )
                : HealthCheckResult.Healthy()
        );
}

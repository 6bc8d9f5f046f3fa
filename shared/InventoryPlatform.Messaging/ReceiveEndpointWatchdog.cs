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
/// queues (the bus's own) are not watched. An endpoint that will not even stop (its channel wedged on a connection the
/// client still believes open, seen in CI after a broker restart: docs/architecture.md) can only be recovered by a new
/// process, so the watchdog's health check, which is part of liveness (<c>/alive</c>), turns unhealthy until the queue
/// has a consumer again, for the orchestrator to restart the service.
/// The broker counts the consumers of every replica: a stuck replica goes unnoticed while another consumes its queue,
/// which keeps the events flowing.
/// </summary>
public sealed class ReceiveEndpointWatchdog(
    IBusControl bus, MessagingOptions options, Uri broker, TimeProvider time, ILogger<ReceiveEndpointWatchdog> logger) : BackgroundService, IHealthCheck
{
    /// <summary>The name of the watchdog's health check, tagged <c>live</c>.</summary>
    public const string HealthCheckName = "receive-endpoints";

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
                    logger.LogWarning(exception, "The receive endpoint watchdog's check failed; it looks again in {Interval}.", options.Watchdog.Interval);
                    _silence.BrokerUnanswered();
                    await CloseAsync();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await CloseAsync();
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_silence.Wedged.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy(
                $"Receive endpoint(s) that would not stop and have had no consumer since: {string.Join(", ", _silence.Wedged.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key} ({w.Value:O})"))}; only a restart of the service recovers them."));

    /// <summary>One look at every watched queue; restarts the endpoints silent for too long.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in bus.CheckHealth().Endpoints.Values)
        {
            if (QueueOf(endpoint.InputAddress) is not { } queue)
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
                await RestartAsync(endpoint.ReceiveEndpoint, queue, silent, cancellationToken);
            }
        }
    }

    private async Task RestartAsync(IReceiveEndpoint endpoint, string queue, TimeSpan silent, CancellationToken cancellationToken)
    {
        logger.LogWarning("Queue {Queue} has had no consumer for {Silent} while the broker answers; restarting its receive endpoint.", queue, silent);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Watchdog.StopTimeout);
        try
        {
            await endpoint.Stop(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _silence.StopFailed(queue, time.GetUtcNow());
            logger.LogError(
                "The receive endpoint of {Queue} did not stop within {Timeout}: the service reports itself not alive (/alive) until the queue has a consumer again, " +
                "for the orchestrator to restart it; the watchdog tries again meanwhile.",
                queue, options.Watchdog.StopTimeout);
            return;
        }

        endpoint.Start(cancellationToken);
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
                var factory = new ConnectionFactory { Uri = broker, AutomaticRecoveryEnabled = false, ClientProvidedName = "endpoint-watchdog" };
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

    /// <summary>Longer than MassTransit's 20 s wait for a broker reply, which a stop on a dead channel runs into.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// What the watchdog knows of each watched queue: since when it has had no consumer while the broker answered, and
/// whether its endpoint would not stop. A queue with a consumer again is forgotten; an unanswered broker clears the
/// silences (nothing can be judged then) but not the wedged endpoints.
/// </summary>
public sealed class EndpointSilence(TimeSpan stallAfter)
{
    private readonly Dictionary<string, DateTimeOffset> _silentSince = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _wedgedSince = new(StringComparer.Ordinal);

    /// <summary>Endpoints that would not stop, by queue, with when that was first seen; empty while every queue is fine.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Wedged => _wedgedSince;

    /// <summary>Records the queue's consumer count; returns how long it has been silent when its endpoint is due for a restart.</summary>
    public TimeSpan? Observe(string queue, uint consumers, DateTimeOffset now)
    {
        if (consumers > 0)
        {
            _silentSince.Remove(queue);
            _wedgedSince.TryRemove(queue, out _);
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

    public void StopFailed(string queue, DateTimeOffset now) => _wedgedSince.TryAdd(queue, now);

    public void BrokerUnanswered() => _silentSince.Clear();
}

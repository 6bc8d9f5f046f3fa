using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace InventoryPlatform.Messaging;

/// <summary>
/// Restarts a receive endpoint whose queue has had no consumer on the broker for <see cref="WatchdogOptions.StallAfter"/>
/// while the broker answers. MassTransit reconnects its endpoints after a broker outage by itself; very rarely one stays
/// silent after a restart of the broker, connected but never consuming again, and its events pile up unseen (seen once in
/// CI: every other queue consumed again, the stuck process did not even stop cleanly). The watchdog asks the broker, not
/// MassTransit, because a stuck endpoint does not know it is stuck. Temporary queues (the bus's own) are not watched.
/// </summary>
public sealed class ReceiveEndpointWatchdog(
    IBusControl bus, MessagingOptions options, Uri broker, TimeProvider time, ILogger<ReceiveEndpointWatchdog> logger) : BackgroundService
{
    private readonly Dictionary<string, DateTimeOffset> _silentSince = new(StringComparer.Ordinal);
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
                await CheckAsync(stoppingToken);
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

    /// <summary>One look at every watched queue; restarts the endpoints silent for too long. Public for tests.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
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
                // The broker does not answer (or the queue is not declared yet): nothing to judge; MassTransit reconnects.
                _silentSince.Clear();
                return;
            }

            if (consumers > 0)
            {
                _silentSince.Remove(queue);
                continue;
            }

            var now = time.GetUtcNow();
            if (!_silentSince.TryGetValue(queue, out var since))
            {
                _silentSince[queue] = now;
            }
            else if (now - since >= options.Watchdog.StallAfter)
            {
                _silentSince.Remove(queue);
                await RestartAsync(endpoint.ReceiveEndpoint, queue, now - since, cancellationToken);
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
            logger.LogError(
                "The receive endpoint of {Queue} did not stop within {Timeout}; it cannot be restarted in this process. Restart the service.",
                queue, options.Watchdog.StopTimeout);
            return;
        }

        endpoint.Start(cancellationToken);
    }

    /// <summary>The queue's consumer count on the broker; null when the broker or the queue cannot be asked.</summary>
    private async Task<uint?> ConsumersAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            if (_channel is not { IsOpen: true })
            {
                await CloseAsync();
                var factory = new ConnectionFactory { Uri = broker, AutomaticRecoveryEnabled = false, ClientProvidedName = "endpoint-watchdog" };
                _connection = await factory.CreateConnectionAsync(cancellationToken);
                _channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
            }

            return (await _channel.QueueDeclarePassiveAsync(queue, cancellationToken)).ConsumerCount;
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException
                                              or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
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
            catch (Exception exception) when (exception is OperationInterruptedException or AlreadyClosedException or IOException)
            {
                logger.LogDebug(exception, "Closing the watchdog's broker connection failed.");
            }
        }

        _channel = null;
        _connection = null;
    }

    /// <summary>The durable queue behind an endpoint address; null for temporary queues.</summary>
    internal static string? QueueOf(Uri inputAddress) =>
        inputAddress.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase)
            ? null
            : Uri.UnescapeDataString(inputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1]);
}

/// <summary>How <see cref="ReceiveEndpointWatchdog"/> watches; an interval of zero turns it off.</summary>
public sealed class WatchdogOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a queue may have no consumer before its endpoint is restarted. Longer than MassTransit's own reconnect
    /// back-off needs after an outage, so the watchdog only steps in where MassTransit will not.
    /// </summary>
    public TimeSpan StallAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(15);
}

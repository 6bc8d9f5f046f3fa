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

using System.Collections.Concurrent;
using System.Text.Json;
using InventoryPlatform.Data;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Messaging;

/// <summary>
/// Publishes committed outbox rows to the broker and marks them sent. Rows are claimed with
/// "skip locked" row locks, so any number of replicas can run a dispatcher on the same table without
/// publishing a row twice at the same time. The row id travels as the MessageId: a row published
/// again after a crash between publish and mark is dropped by the consumers' inbox.
/// </summary>
public sealed class OutboxDispatcher(
    Database database,
    IBus bus,
    OutboxSignal signal,
    MessagingOptions options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger
) : BackgroundService
{
    private static readonly ConcurrentDictionary<string, Type> Types = new();

    private readonly string _claim = database.Dialect.SelectForUpdateSkipLocked(
        $"{database.Schema}.outbox",
        "id, message_type, body, correlation_id",
        "sent_at IS NULL",
        "created_at"
    );

    private readonly string _markSent =
        $"UPDATE {database.Schema}.outbox SET sent_at = @SentAt WHERE {database.Dialect.InList("id", "Ids")}";

    private readonly string _markFailed =
        $"UPDATE {database.Schema}.outbox SET attempts = attempts + 1 WHERE {database.Dialect.InList("id", "Ids")}";

    private readonly string _purge = $"DELETE FROM {database.Schema}.outbox WHERE sent_at IS NOT NULL AND sent_at < @Before";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var nextPurge = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (claimed, published) = await DispatchBatchAsync(stoppingToken);
                if (claimed > published)
                {
                    throw new OutboxPublishException($"{claimed - published} of {claimed} outbox messages could not be published.");
                }

                failures = 0;
                if (time.GetUtcNow() >= nextPurge)
                {
                    await PurgeAsync(stoppingToken);
                    nextPurge = time.GetUtcNow().AddHours(1);
                }

                if (claimed < options.Outbox.BatchSize)
                {
                    await signal.WaitAsync(options.Outbox.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Broker or database away: the rows stay unsent and are tried again, backing off to 10 s.
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 250 * Math.Pow(2, Math.Min(failures, 6))));
                logger.LogWarning(exception, "Outbox dispatch failed ({Failures} in a row); retrying in {Delay}.", failures, delay);
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Publishes one batch; returns how many rows were claimed and how many were published.</summary>
    public Task<(int Claimed, int Published)> DispatchBatchAsync(CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async unit =>
            {
                var rows = (await unit.QueryAsync<OutboxRow>(_claim, new { limit = options.Outbox.BatchSize })).ToList();
                if (rows.Count == 0)
                {
                    return (0, 0);
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Outbox.PublishTimeout);
                var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, timeout.Token)));

                var sent = rows.Where((_, i) => outcomes[i]).Select(r => r.Id).ToList();
                var failed = rows.Where((_, i) => !outcomes[i]).Select(r => r.Id).ToList();
                if (sent.Count > 0)
                {
                    await unit.ExecuteAsync(_markSent, new { SentAt = time.GetUtcNow().UtcDateTime, Ids = sent.ToArray() });
                }

                if (failed.Count > 0)
                {
                    await unit.ExecuteAsync(_markFailed, new { Ids = failed.ToArray() });
                }

                return (rows.Count, sent.Count);
            },
            cancellationToken
        );

    private async Task<bool> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        try
        {
            var type = Types.GetOrAdd(row.MessageType, name => Type.GetType(name, throwOnError: true)!);
            var message = JsonSerializer.Deserialize(row.Body, type, Outbox.Json)!;
            await bus.Publish(
                message,
                type,
                context =>
                {
                    context.MessageId = row.Id;
                    context.CorrelationId = row.CorrelationId;
                },
                cancellationToken
            );
            return true;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogDebug(exception, "Publishing outbox message {MessageId} failed.", row.Id);
            return false;
        }
    }

    private Task<int> PurgeAsync(CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            unit => unit.ExecuteAsync(_purge, new { Before = time.GetUtcNow().Subtract(options.Outbox.Retention).UtcDateTime }),
            cancellationToken
        );

    private sealed record OutboxRow(Guid Id, string MessageType, string Body, Guid CorrelationId);
}

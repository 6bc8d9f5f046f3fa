using System.Collections.Concurrent;
using System.Diagnostics;
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
/// <remarks>
/// A row that cannot be published counts a failed attempt only when the failure is its own: its type or body cannot be
/// read, or the broker refused it while taking other rows of the same batch. After <see cref="OutboxOptions.MaxAttempts"/>
/// it is parked (<c>parked_at</c>, <c>last_error</c>) and no longer claimed, so it never holds back the rows behind it; an
/// admin re-drives it (<see cref="ParkedOutbox"/>). A broker that is away fails every row of a batch, counts against none
/// and backs the dispatcher off. Each publish runs in an activity whose parent is the row's stored <c>traceparent</c>.
/// </remarks>
public sealed class OutboxDispatcher(
    Database database,
    IBus bus,
    OutboxSignal signal,
    MessagingOptions options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger
) : BackgroundService
{
    public const string ActivitySourceName = "InventoryPlatform.Messaging";

    private const int LastErrorLength = 2000;
    private static readonly ActivitySource Source = new(ActivitySourceName);
    private static readonly ConcurrentDictionary<string, Type> Types = new();

    private readonly string _claim = database.Dialect.SelectForUpdateSkipLocked(
        $"{database.Schema}.outbox",
        "id, message_type, body, correlation_id, attempts, traceparent",
        "sent_at IS NULL AND parked_at IS NULL",
        "created_at"
    );

    private readonly string _markSent =
        $"UPDATE {database.Schema}.outbox SET sent_at = @SentAt WHERE {database.Dialect.InList("id", "Ids")}";

    private readonly string _markFailed =
        $"UPDATE {database.Schema}.outbox SET attempts = attempts + 1, last_error = @LastError, "
        + "parked_at = CASE WHEN attempts + 1 >= @MaxAttempts THEN @Now ELSE NULL END WHERE id = @Id";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await DispatchBatchAsync(stoppingToken);
                if (batch.Deferred > 0)
                {
                    throw new OutboxPublishException(
                        $"{batch.Deferred} of {batch.Claimed} outbox messages could not be published: the broker did not take them."
                    );
                }

                failures = 0;
                if (batch.Parked > 0)
                {
                    logger.LogError(
                        "{Parked} outbox message(s) parked after {MaxAttempts} failed publishes; an admin can re-drive them.",
                        batch.Parked,
                        options.Outbox.MaxAttempts
                    );
                }

                if (batch.Claimed < options.Outbox.BatchSize)
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

    /// <summary>Publishes one batch of the oldest unsent, unparked rows.</summary>
    public Task<OutboxBatch> DispatchBatchAsync(CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async unit =>
            {
                var rows = (await unit.QueryAsync<OutboxRow>(_claim, new { limit = options.Outbox.BatchSize })).ToList();
                if (rows.Count == 0)
                {
                    return new OutboxBatch(0, 0, 0, 0, 0);
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Outbox.PublishTimeout);
                var attempts = await Task.WhenAll(rows.Select(row => PublishAsync(row, timeout.Token)));
                cancellationToken.ThrowIfCancellationRequested();

                // The broker took some of the batch: what it refused is the rows' own fault. It took none: it is away.
                var brokerTookSome = attempts.Any(a => a.Outcome == PublishOutcome.Published);
                var sent = rows.Where((_, i) => attempts[i].Outcome == PublishOutcome.Published).Select(r => r.Id).ToArray();
                var failed = rows.Select((row, i) => (row, attempt: attempts[i]))
                    .Where(x =>
                        x.attempt.Outcome == PublishOutcome.Unreadable || (x.attempt.Outcome == PublishOutcome.Refused && brokerTookSome)
                    )
                    .ToList();
                if (sent.Length > 0)
                {
                    await unit.ExecuteAsync(_markSent, new { SentAt = time.GetUtcNow().UtcDateTime, Ids = sent });
                }

                var now = time.GetUtcNow().UtcDateTime;
                var marks = new StatementBatch(unit);
                foreach (var (row, attempt) in failed)
                {
                    marks.Add(
                        _markFailed,
                        new
                        {
                            row.Id,
                            LastError = Truncate(attempt.Error!),
                            options.Outbox.MaxAttempts,
                            Now = now,
                        }
                    );
                }

                await marks.ExecuteAsync();
                var parked = failed.Count(f => f.row.Attempts + 1 >= options.Outbox.MaxAttempts);
                return new OutboxBatch(rows.Count, sent.Length, failed.Count, parked, rows.Count - sent.Length - failed.Count);
            },
            cancellationToken
        );

    private async Task<PublishAttempt> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        Type type;
        object message;
        try
        {
            type = Types.GetOrAdd(row.MessageType, name =>
                Type.GetType(name, throwOnError: false) ?? throw new TypeLoadException($"No type '{name}' is loaded.")
            );
            message = JsonSerializer.Deserialize(row.Body, type, Outbox.Json) ?? throw new JsonException("The body is JSON null.");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            logger.LogWarning(exception, "Outbox message {MessageId} ({MessageType}) cannot be read.", row.Id, row.MessageType);
            return new PublishAttempt(PublishOutcome.Unreadable, $"{exception.GetType().Name}: {exception.Message}");
        }

        using var activity = StartActivity(row);
        try
        {
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
            return new PublishAttempt(PublishOutcome.Published, null);
        }
        catch (OperationCanceledException exception)
        {
            // The publish timeout: the broker is slow or away, which is no fault of the row.
            activity?.SetStatus(ActivityStatusCode.Error, "timed out");
            logger.LogDebug(exception, "Publishing outbox message {MessageId} timed out.", row.Id);
            return new PublishAttempt(PublishOutcome.Deferred, null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            logger.LogDebug(exception, "Publishing outbox message {MessageId} failed.", row.Id);
            return new PublishAttempt(PublishOutcome.Refused, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>
    /// The publish's activity, child of the trace that wrote the row. Without a listener on this source the trace still goes
    /// on: a bare activity carries the stored parent to MassTransit's own send activity and message headers.
    /// </summary>
    private static Activity? StartActivity(OutboxRow row)
    {
        if (row.Traceparent is null || !ActivityContext.TryParse(row.Traceparent, null, out var parent))
        {
            return Source.StartActivity("outbox publish", ActivityKind.Producer);
        }

        var activity = Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        if (activity is null)
        {
            activity = new Activity("outbox publish");
            activity.SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags);
            activity.Start();
        }

        activity.SetTag("messaging.message.id", row.Id.ToString());
        return activity;
    }

    private static string Truncate(string error) => error.Length <= LastErrorLength ? error : error[..LastErrorLength];

    private sealed record OutboxRow(Guid Id, string MessageType, string Body, Guid CorrelationId, int Attempts, string? Traceparent);

    private enum PublishOutcome
    {
        Published,

        /// <summary>The row's type or body cannot be read: it never publishes as it is.</summary>
        Unreadable,

        /// <summary>The publish threw: the row's fault if the broker took others of the batch, else the broker's.</summary>
        Refused,

        /// <summary>Timed out: the broker's fault.</summary>
        Deferred,
    }

    private sealed record PublishAttempt(PublishOutcome Outcome, string? Error);
}

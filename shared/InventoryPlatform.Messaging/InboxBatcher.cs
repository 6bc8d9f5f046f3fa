using System.Diagnostics.Metrics;
using InventoryPlatform.Data;
using MassTransit;

namespace InventoryPlatform.Messaging;

/// <summary>
/// Group commit for a consumer. A message that arrives while no batch is running is applied at once, alone; messages
/// that arrive while batches run wait for the next one (at most <see cref="InboxBatchOptions.MaxMessages"/> each,
/// <see cref="InboxBatchOptions.Concurrency"/> batches at a time). So a quiet queue keeps its latency and a busy one
/// pays one transaction, one inbox round trip and one commit for many messages.
/// When a batch fails, each of its messages is applied again alone in its own transaction: one bad message faults only
/// itself, and the broker retries and dead-letters it by itself. A batch that failed because the database stayed away
/// (a transient fault that outlasted the unit of work's retries) faults all its messages at once instead, for the
/// broker to retry. A message completes only after its transaction committed.
/// </summary>
public sealed class InboxBatcher<THandler, TMessage>(Database database, Inbox inbox, THandler handler, MessagingOptions options)
    where THandler : IInboxBatchHandler<TMessage>
    where TMessage : class
{
    private static readonly Histogram<int> BatchSizes = InboxBatchMetrics.Meter.CreateHistogram<int>(
        "inventory.inbox.batch.messages",
        "{message}",
        "Messages committed together by a batching consumer, per transaction."
    );

    private readonly Lock _gate = new();
    private readonly Queue<Pending> _waiting = new();
    private int _running;

    /// <summary>
    /// Completes when the message's effect (or the finding that it is a repeat) has committed; faults when it could not be
    /// applied. <paramref name="cancellationToken"/> is the delivery's (cancelled when the bus stops): a batch gives up its
    /// retries when its first message's is cancelled, and the messages stay unacknowledged on the broker.
    /// </summary>
    public Task ApplyAsync(Guid messageId, TMessage message, string consumer, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(
            messageId,
            message,
            consumer,
            new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
            cancellationToken
        );
        bool start;
        lock (_gate)
        {
            _waiting.Enqueue(pending);
            start = _running < Math.Max(1, options.Batching.Concurrency);
            if (start)
            {
                _running++;
            }
        }

        if (start)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None); // the drain outlives any one delivery
        }

        return pending.Done.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<Pending>();
            lock (_gate)
            {
                while (batch.Count < Math.Max(1, options.Batching.MaxMessages) && _waiting.TryDequeue(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    _running--;
                    return;
                }
            }

            await RunAsync(batch);
        }
    }

    private async Task RunAsync(List<Pending> batch)
    {
        try
        {
            await CommitAsync(batch);
            BatchSizes.Record(batch.Count, new KeyValuePair<string, object?>("consumer", batch[0].Consumer));
            foreach (var pending in batch)
            {
                pending.Done.TrySetResult();
            }
        }
        catch (Exception exception)
            when (batch.Count > 1 && !SqlRetry.IsTransient(exception) && !batch[0].CancellationToken.IsCancellationRequested)
        {
            // Something in the batch is wrong: find out which message by applying each alone.
            foreach (var pending in batch)
            {
                await RunAsync([pending]);
            }
        }
        catch (Exception exception)
        {
            // The database stayed away through the unit of work's retries (one by one would wait as long again per
            // message), or the bus is stopping: every message faults now and comes back through the broker.
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(exception);
            }
        }
    }

    private Task CommitAsync(IReadOnlyList<Pending> batch) =>
        database.InTransactionAsync(
            async unit =>
            {
                var accepted = await inbox.TryAcceptAsync(unit, batch.Select(p => (p.MessageId, p.Consumer)).ToList());
                var fresh = batch.Where((_, i) => accepted[i]).Select(p => p.Message).ToList();
                if (fresh.Count > 0)
                {
                    await handler.HandleAsync(fresh, unit);
                }
            },
            batch[0].CancellationToken
        );

    private sealed record Pending(
        Guid MessageId,
        TMessage Message,
        string Consumer,
        TaskCompletionSource Done,
        CancellationToken CancellationToken
    );
}

internal static class InboxBatchMetrics
{
    public static readonly Meter Meter = new("InventoryPlatform.Messaging");
}

using System.Diagnostics.Metrics;
using InventoryPlatform.Data;
using MassTransit;

namespace InventoryPlatform.Messaging;

/// <summary>
/// A consumer whose messages, when several are in flight at once, share one transaction through
/// <see cref="InboxBatcher{THandler,TMessage}"/>: their inbox rows and their effects commit together. The consumer's
/// class name names its queue and its inbox rows, as with <see cref="InboxConsumer{TMessage}"/>.
/// </summary>
public abstract class BatchedInboxConsumer<THandler, TMessage>(InboxBatcher<THandler, TMessage> batcher) : IConsumer<TMessage>
    where THandler : IInboxBatchHandler<TMessage>
    where TMessage : class
{
    public Task Consume(ConsumeContext<TMessage> context) =>
        batcher.ApplyAsync(
            context.MessageId
                ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without a MessageId cannot be deduplicated."),
            context.Message,
            GetType().Name,
            context.CancellationToken
        );
}

using InventoryPlatform.Data;
using MassTransit;

namespace InventoryPlatform.Messaging;

/// <summary>
/// A consumer whose effect is applied exactly once per message: the inbox row and the effect (including
/// any events it writes to the outbox) commit together, or not at all.
/// </summary>
public abstract class InboxConsumer<TMessage>(Database database, Inbox inbox) : IConsumer<TMessage>
    where TMessage : class
{
    public Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} without a MessageId cannot be deduplicated.");
        return database.InTransactionAsync(
            async unit =>
            {
                if (await inbox.TryAcceptAsync(unit, messageId, GetType().Name))
                {
                    await HandleAsync(context, unit);
                }
            },
            context.CancellationToken
        );
    }

    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, UnitOfWork unit);
}

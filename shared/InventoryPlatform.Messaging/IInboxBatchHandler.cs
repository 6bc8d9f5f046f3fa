using System.Diagnostics.Metrics;
using InventoryPlatform.Data;
using MassTransit;

namespace InventoryPlatform.Messaging;

/// <summary>The effect of several messages of one type, applied in one transaction.</summary>
public interface IInboxBatchHandler<in TMessage>
    where TMessage : class
{
    /// <summary>Applies the messages seen for the first time, in the order they arrived; repeats are already left out.</summary>
    Task HandleAsync(IReadOnlyList<TMessage> messages, UnitOfWork unit);
}

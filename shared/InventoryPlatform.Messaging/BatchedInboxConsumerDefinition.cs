using System.Diagnostics.Metrics;
using InventoryPlatform.Data;
using MassTransit;

namespace InventoryPlatform.Messaging;

/// <summary>
/// The endpoint of a batching consumer takes <see cref="InboxBatchOptions.PrefetchCount"/> messages at a time instead of
/// the service's <see cref="MessagingOptions.PrefetchCount"/>: MassTransit runs as many deliveries at once as it prefetches,
/// and every delivery waiting in the batcher can join the next transaction. Other consumers keep the smaller prefetch,
/// since each of their deliveries is a transaction of its own.
/// </summary>
public abstract class BatchedInboxConsumerDefinition<TConsumer>(MessagingOptions options) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context
    ) => endpointConfigurator.PrefetchCount = options.Batching.PrefetchCount;
}

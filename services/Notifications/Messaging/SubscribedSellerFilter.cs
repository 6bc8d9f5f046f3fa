using InventoryPlatform.Contracts;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Notifications.Data;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>
/// Lets a partner event through to its consumer only when its seller has an active subscription. Every order and scan
/// sends this service events; for a seller that subscribed to nothing, one indexed read replaces the consumer's
/// transaction (inbox row, read, commit), and nothing is stored. Skipping is what the consumer would have done: it reads the
/// seller's active subscriptions in its transaction and records no delivery when there are none. The FC network snapshot
/// is the service's own projection and always goes through.
/// </summary>
public sealed class SubscribedSellerFilter<TMessage>(SubscriptionRepository subscriptions) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        if (
            context.Message is IIntegrationEvent partnerEvent and not FulfillmentNetworkChanged
            && !await subscriptions.AnyActiveAsync(partnerEvent.SellerId, context.CancellationToken)
        )
        {
            // Consumed, as the consumer would have been: without this MassTransit moves the message to the "_skipped" queue.
            await context.NotifyConsumed(context, TimeSpan.Zero, nameof(SubscribedSellerFilter<TMessage>));
            return;
        }

        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("subscribedSeller");
}

using InventoryPlatform.Data;
using InventoryPlatform.Notifications.Data;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Application;

/// <summary>
/// Turns partner events into pending deliveries, one per matching active subscription of the event's own seller (never
/// another seller's), in the consumer's unit of work, so that the inbox row and the deliveries commit together.
/// </summary>
public sealed class PartnerEventRecorder(SubscriptionRepository subscriptions, DeliveryRepository deliveries, TimeProvider time)
{
    public async Task<int> RecordAsync(UnitOfWork unit, IReadOnlyList<PartnerEvent> events)
    {
        var pending = new List<NewDelivery>();
        foreach (var bySeller in events.GroupBy(e => e.SellerId, StringComparer.Ordinal))
        {
            var active = await subscriptions.ActiveOfAsync(unit, bySeller.Key);
            foreach (var partnerEvent in bySeller)
            {
                string? payload = null;
                foreach (var subscription in active.Where(s => s.SellerId == partnerEvent.SellerId && s.Filter.Matches(partnerEvent)))
                {
                    payload ??= WebhookPayload.Of(partnerEvent);
                    pending.Add(
                        new NewDelivery(
                            subscription.Id,
                            partnerEvent.SellerId,
                            partnerEvent.EventId,
                            partnerEvent.Type,
                            partnerEvent.OrderingKey,
                            partnerEvent.CoalesceKey,
                            payload
                        )
                    );
                }
            }
        }

        await deliveries.AddAsync(unit, pending, time.GetUtcNow().UtcDateTime);
        return pending.Count;
    }
}

using InventoryPlatform.Data;
using InventoryPlatform.Notifications.Data;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Application;

/// <summary>Stores a new active subscription with a fresh secret, in the request's unit of work; the answer shows the secret
/// once.</summary>
public sealed class CreateSubscriptionHandler(SubscriptionRepository subscriptions, TimeProvider time)
{
    public async Task<SubscriptionRecord> HandleAsync(
        UnitOfWork unit,
        string sellerId,
        Uri url,
        IReadOnlyList<string> eventTypes,
        string? fnsku,
        string? fulfillmentCenter
    )
    {
        var now = time.GetUtcNow().UtcDateTime;
        var subscription = new SubscriptionRecord(
            Guid.CreateVersion7(),
            sellerId,
            url.AbsoluteUri,
            eventTypes,
            fnsku,
            fulfillmentCenter,
            WebhookSignature.NewSecret(),
            null,
            null,
            SubscriptionStatus.Active,
            null,
            now,
            now
        );
        await subscriptions.AddAsync(unit, subscription);
        return subscription;
    }
}

using InventoryPlatform.Data;
using InventoryPlatform.Notifications.Data;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Application;

/// <summary>
/// Pausing, resuming, deleting a subscription and rotating its secret, each for the seller's own subscription only (false:
/// the seller has no such subscription). Resuming a disabled subscription makes it active and clears the reason.
/// </summary>
public sealed class SubscriptionLifecycleHandler(
    Database database,
    SubscriptionRepository subscriptions,
    DeliveryRepository deliveries,
    TimeProvider time
)
{
    public Task<bool> PauseAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        SetStatusAsync(sellerId, id, SubscriptionStatus.Paused, cancellationToken);

    public Task<bool> ResumeAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        SetStatusAsync(sellerId, id, SubscriptionStatus.Active, cancellationToken);

    public Task<bool> DeleteAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        database.InTransactionAsync(unit => subscriptions.DeleteAsync(unit, sellerId, id), cancellationToken);

    /// <summary>A new secret, returned once; the old one keeps signing until <c>now + overlap</c>. Null: no such subscription.</summary>
    public async Task<(string Secret, DateTime PreviousSecretUntil)?> RotateSecretAsync(
        string sellerId,
        Guid id,
        TimeSpan overlap,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow().UtcDateTime;
        var secret = WebhookSignature.NewSecret();
        var rotated = await database.InTransactionAsync(
            unit => subscriptions.RotateAsync(unit, sellerId, id, secret, now + overlap, now),
            cancellationToken
        );
        return rotated ? (secret, now + overlap) : null;
    }

    /// <summary>Sends a delivery again (due now, a fresh retry window, the same <c>webhook-id</c>).</summary>
    public Task<bool> ReplayAsync(string sellerId, Guid subscriptionId, Guid deliveryId, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            unit => deliveries.ReplayAsync(unit, sellerId, subscriptionId, deliveryId, time.GetUtcNow().UtcDateTime),
            cancellationToken
        );

    private Task<bool> SetStatusAsync(string sellerId, Guid id, SubscriptionStatus status, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            unit => subscriptions.SetStatusAsync(unit, sellerId, id, status, null, time.GetUtcNow().UtcDateTime),
            cancellationToken
        );
}

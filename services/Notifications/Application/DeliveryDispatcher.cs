using System.Collections.Concurrent;
using InventoryPlatform.Data;
using InventoryPlatform.Notifications.Data;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Application;

/// <summary>
/// Claims due deliveries and sends them without waiting: each subscription has at most
/// <see cref="NotificationsOptions.MaxConcurrencyPerSubscription"/> attempts in flight, and a subscription whose slots are
/// full is not even claimed from, so a slow or failing receiver takes only its own slots and never delays another's
/// deliveries. A failed attempt is due again after the <see cref="RetryPolicy"/>'s backoff; one that fails after 24 h fails
/// the delivery and disables its subscription with the reason.
/// </summary>
public sealed class DeliveryDispatcher(
    Database database,
    DeliveryRepository deliveries,
    SubscriptionRepository subscriptions,
    WebhookSender sender,
    NotificationsOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DeliveryDispatcher> logger
)
{
    private readonly ConcurrentDictionary<Guid, int> _inFlight = new();
    private int _total;

    /// <summary>Attempts in flight on this replica.</summary>
    public int InFlight => Volatile.Read(ref _total);

    /// <summary>Claims what is due and free to send, starts sending it, and returns how many attempts it started.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var capacity = Math.Min(options.ClaimBatchSize, options.MaxConcurrentDeliveries - InFlight);
        if (capacity <= 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var slots = _inFlight.ToDictionary(p => p.Key, p => options.MaxConcurrencyPerSubscription - p.Value);
        var busy = slots.Where(s => s.Value <= 0).Select(s => s.Key).ToList();
        var claimed = await deliveries.ClaimAsync(
            now,
            now + options.ClaimLease,
            capacity,
            busy,
            due => Choose(due, slots, options.MaxConcurrencyPerSubscription),
            cancellationToken
        );
        if (claimed.Count == 0)
        {
            return 0;
        }

        foreach (var delivery in claimed)
        {
            _inFlight.AddOrUpdate(delivery.SubscriptionId, 1, (_, n) => n + 1);
            Interlocked.Increment(ref _total);
        }

        IReadOnlyList<ClaimedDelivery> loaded;
        try
        {
            loaded = await deliveries.LoadAsync([.. claimed.Select(c => c.Id)], now, cancellationToken);
        }
        catch
        {
            // The claims lapse after their lease and another poll sends them.
            foreach (var delivery in claimed)
            {
                Release(delivery.SubscriptionId);
            }

            throw;
        }

        var missing = claimed.Where(c => loaded.All(l => l.Id != c.Id));
        foreach (var delivery in missing)
        {
            Release(delivery.SubscriptionId);
        }

        foreach (var delivery in loaded)
        {
            _ = Task.Run(() => AttemptAsync(delivery), CancellationToken.None);
        }

        return loaded.Count;
    }

    /// <summary>The due deliveries that fit the free slots, oldest first; a subscription never seen has all its slots.</summary>
    public static IReadOnlyList<DueDelivery> Choose(IReadOnlyList<DueDelivery> due, Dictionary<Guid, int> slots, int perSubscription)
    {
        var free = new Dictionary<Guid, int>(slots);
        var chosen = new List<DueDelivery>();
        foreach (var delivery in due)
        {
            var left = free.GetValueOrDefault(delivery.SubscriptionId, perSubscription);
            if (left > 0)
            {
                chosen.Add(delivery);
                free[delivery.SubscriptionId] = left - 1;
            }
        }

        return chosen;
    }

    private async Task AttemptAsync(ClaimedDelivery delivery)
    {
        try
        {
            var result = await sender.SendAsync(delivery, lifetime.ApplicationStopping);
            await RecordAsync(delivery, result, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopping: the claim lapses and another replica (or this one, restarted) sends the delivery again.
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Delivery {Delivery} could not be attempted or recorded; its claim lapses.", delivery.Id);
        }
        finally
        {
            Release(delivery.SubscriptionId);
        }
    }

    private async Task RecordAsync(ClaimedDelivery delivery, AttemptResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (result.Delivered)
        {
            await deliveries.RecordDeliveredAsync(delivery.Id, result, now.UtcDateTime, cancellationToken);
            return;
        }

        var retry = options.Retry;
        if (!retry.GivesUp(new DateTimeOffset(delivery.WindowStart, TimeSpan.Zero), now))
        {
            var delay = retry.DelayAfter(delivery.Attempts + 1, Random.Shared.NextDouble());
            await deliveries.RecordRetryAsync(delivery.Id, result, now.UtcDateTime, (now + delay).UtcDateTime, cancellationToken);
            return;
        }

        var reason =
            $"Delivery {delivery.MessageId} failed for {retry.GiveUpAfter.TotalHours:0.##} h "
            + $"({delivery.Attempts + 1} attempts); last: {result.Error ?? "no answer"}.";
        await database.InTransactionAsync(
            async unit =>
            {
                await deliveries.RecordFailedAsync(unit, delivery.Id, result, now.UtcDateTime);
                await subscriptions.SetStatusAsync(
                    unit,
                    null,
                    delivery.SubscriptionId,
                    SubscriptionStatus.Disabled,
                    reason,
                    now.UtcDateTime
                );
            },
            cancellationToken
        );
        logger.LogWarning("Subscription {Subscription} disabled: {Reason}", delivery.SubscriptionId, reason);
    }

    private void Release(Guid subscriptionId)
    {
        _inFlight.AddOrUpdate(subscriptionId, 0, (_, n) => n - 1);
        _inFlight.TryRemove(new KeyValuePair<Guid, int>(subscriptionId, 0));
        Interlocked.Decrement(ref _total);
    }
}

using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Notifications.Application;

namespace InventoryPlatform.Notifications.Jobs;

/// <summary>
/// Every <see cref="NotificationsOptions.DeliveryPollInterval"/>, claims the due deliveries and starts sending them
/// (<see cref="DeliveryDispatcher"/>). The run returns as soon as the attempts are started, so a slow receiver never holds
/// the next poll; claims are row locks that skip what another replica holds, then a lease.
/// </summary>
public sealed class WebhookDeliveryJob(DeliveryDispatcher dispatcher) : IScheduledJob
{
    public const string Name = "webhook-delivery";

    public Task RunAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);
}

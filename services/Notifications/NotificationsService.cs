using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Data;
using InventoryPlatform.Notifications.Jobs;
using InventoryPlatform.Notifications.Messaging;

namespace InventoryPlatform.Notifications;

public static class NotificationsService
{
    public static readonly PlatformService Descriptor = new("notifications", "notifications", typeof(NotificationsService).Assembly);

    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddPlatformOptions<NotificationsOptions>(NotificationsOptions.Section);
        services.AddSingleton<SubscriptionRepository>();
        services.AddSingleton<DeliveryRepository>();
        services.AddSingleton<ReceiverAddressGuard>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<PartnerEventRecorder>();
        services.AddSingleton<StockChangedBatch>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<CreateSubscriptionHandler>();
        services.AddSingleton<SubscriptionLifecycleHandler>();
        services.AddScheduledJob<WebhookDeliveryJob>(WebhookDeliveryJob.Name, sp =>
        {
            var options = sp.GetRequiredService<NotificationsOptions>();
            return new JobSchedule(options.DeliveryPollInterval, options.DeliveryPollInterval);
        });
        return services;
    }
}

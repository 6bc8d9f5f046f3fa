using InventoryPlatform.Hosting;
using InventoryPlatform.Notifications;
using InventoryPlatform.Notifications.Api;
using InventoryPlatform.Notifications.Messaging;
using MassTransit;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(NotificationsService.Descriptor, bus =>
    bus.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseConsumeFilter(typeof(SubscribedSellerFilter<>), context))
);
builder.Services.AddNotifications();

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapSubscriptionsApi();
app.Run();

using InventoryPlatform.Hosting;
using InventoryPlatform.Notifications;
using InventoryPlatform.Notifications.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(NotificationsService.Descriptor);
builder.Services.AddNotifications();

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapSubscriptionsApi();
app.Run();

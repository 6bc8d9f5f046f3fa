using InventoryPlatform.Hosting;
using InventoryPlatform.Limits.Api;
using InventoryPlatform.Limits.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(LimitsService.Descriptor, LimitsConsumers.Register);

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.Run();

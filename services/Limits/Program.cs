using InventoryPlatform.Hosting;
using InventoryPlatform.Limits.Api;
using InventoryPlatform.Limits.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(LimitsService.Descriptor);
builder.Services.AddLimits(builder.Configuration);

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapLimitsApi();
app.MapKpisApi();
app.MapNetworkApi();
app.Run();

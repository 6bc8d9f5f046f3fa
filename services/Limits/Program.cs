using InventoryPlatform.Hosting;
using InventoryPlatform.Limits;
using InventoryPlatform.Limits.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(LimitsService.Descriptor);
builder.Services.AddLimits();

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapLimitsApi();
app.MapKpisApi();
app.MapNetworkApi();
app.MapUnitCountsApi();
app.Run();

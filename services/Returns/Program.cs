using InventoryPlatform.Hosting;
using InventoryPlatform.Returns;
using InventoryPlatform.Returns.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(ReturnsService.Descriptor);
builder.Services.AddReturns();

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapReturnsApi();
app.MapReceiptsApi();
app.MapGradingRulesApi();
app.MapAnalyticsApi();
app.Run();

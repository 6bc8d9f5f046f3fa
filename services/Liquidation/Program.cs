using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation;
using InventoryPlatform.Liquidation.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(LiquidationService.Descriptor);
builder.Services.AddLiquidation();

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapReportsApi();
app.MapRecommendationsApi();
app.MapPolicyApi();
app.MapOrdersApi();
app.MapUnitCountsApi();
app.Run();

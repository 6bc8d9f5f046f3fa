using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Api;
using InventoryPlatform.Liquidation.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(LiquidationService.Descriptor);
builder.Services.AddLiquidation(builder.Configuration);

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapReportsApi();
app.MapRecommendationsApi();
app.MapPolicyApi();
app.MapOrdersApi();
app.Run();

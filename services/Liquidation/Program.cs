using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Api;
using InventoryPlatform.Liquidation.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(LiquidationService.Descriptor, LiquidationConsumers.Register);

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.Run();

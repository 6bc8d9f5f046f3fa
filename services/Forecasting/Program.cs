using InventoryPlatform.Hosting;
using InventoryPlatform.Forecasting.Api;
using InventoryPlatform.Forecasting.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(ForecastingService.Descriptor, ForecastingConsumers.Register);

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.Run();

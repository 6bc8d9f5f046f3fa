using InventoryPlatform.Forecasting.Api;
using InventoryPlatform.Forecasting.Messaging;
using InventoryPlatform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(ForecastingService.Descriptor);
builder.Services.AddForecasting();

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapForecastingApi();
app.Run();

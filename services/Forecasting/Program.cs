using InventoryPlatform.Forecasting;
using InventoryPlatform.Forecasting.Api;
using InventoryPlatform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(ForecastingService.Descriptor);
builder.Services.AddForecasting();

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapHistoryApi();
app.MapCalendarApi();
app.MapPricesApi();
app.MapMarketplaceSettingsApi();
app.MapForecastsApi();
app.MapReplenishmentApi();
app.MapUnitCountsApi();
app.Run();

using InventoryPlatform.Hosting;
using InventoryPlatform.Receiving.Api;
using InventoryPlatform.Receiving.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(ReceivingService.Descriptor, ReceivingConsumers.Register);
builder.Services.AddReceiving();

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapItemsApi();
app.MapShipmentsApi();
app.MapBinsApi();
app.Run();

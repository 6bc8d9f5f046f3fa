using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Receiving;
using InventoryPlatform.Receiving.Api;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

// Capacity for a new shipment is asked of Limits; the timeout is given per request.
builder.AddPlatformService(ReceivingService.Descriptor, bus => bus.AddRequestClient<ReserveCapacity>());
builder.Services.AddReceiving();

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapItemsApi();
app.MapShipmentsApi();
app.MapBinsApi();
app.Run();

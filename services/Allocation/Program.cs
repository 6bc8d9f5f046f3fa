using InventoryPlatform.Allocation;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPlatformService(AllocationService.Descriptor);
builder.Services.AddAllocation();

var app = builder.Build();
app.UsePlatformService();
app.MapDefaultEndpoints();
app.MapStockApi();
app.MapLedgerApi();
app.MapNetworkApi();
app.MapOrdersApi();
app.MapTransfersApi();
app.MapPlacementApi();
app.MapAdjustmentsApi();
app.MapReconciliationApi();
app.Run();

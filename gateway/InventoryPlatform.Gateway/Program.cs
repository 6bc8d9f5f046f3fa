using InventoryPlatform.Gateway;
using InventoryPlatform.Gateway.Api;
using InventoryPlatform.Gateway.Security;
using InventoryPlatform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPartnerGateway();

var app = builder.Build();
app.UsePartnerGateway();
app.MapDefaultEndpoints();
app.MapKeysApi();
app.MapIdentityKeys();
app.MapApiReference();
app.MapReverseProxy();
app.Run();

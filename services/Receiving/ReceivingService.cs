using InventoryPlatform.Hosting;
using InventoryPlatform.Receiving.Application;
using InventoryPlatform.Receiving.Data;

namespace InventoryPlatform.Receiving;

public static class ReceivingService
{
    public static readonly PlatformService Descriptor = new("receiving", "receiving", typeof(ReceivingService).Assembly);

    public static IServiceCollection AddReceiving(this IServiceCollection services)
    {
        services.AddPlatformOptions<PutawayOptions>(PutawayOptions.Section);
        services.AddPlatformOptions<CapacityOptions>(CapacityOptions.Section);
        services.AddSingleton<ItemRepository>();
        services.AddSingleton<ShipmentRepository>();
        services.AddSingleton<PutawayRepository>();
        services.AddSingleton<PutawayPlanner>();
        services.AddSingleton<BinRelease>();
        services.AddSingleton<RegisterItemHandler>();
        services.AddSingleton<ConfigureBinsHandler>();
        services.AddSingleton<RecordScansHandler>();
        services.AddSingleton<ShipmentTransitionHandler>();
        services.AddScoped<CapacityReservations>();
        services.AddScoped<CreateShipmentHandler>();
        return services;
    }
}

using InventoryPlatform.Hosting;
using InventoryPlatform.Receiving.Data;

namespace InventoryPlatform.Receiving.Api;

public static class ReceivingService
{
    public static readonly PlatformService Descriptor = new("receiving", "receiving", typeof(ReceivingService).Assembly);

    public static IServiceCollection AddReceiving(this IServiceCollection services)
    {
        services.AddSingleton<ItemRepository>();
        services.AddSingleton<ShipmentRepository>();
        services.AddSingleton<PutawayRepository>();
        services.AddSingleton<PutawayPlanner>();
        services.AddOptions<PutawayOptions>().BindConfiguration(PutawayOptions.Section);
        services.AddSingleton<ScanIntake>();
        services.AddSingleton<ShipmentTransitions>();
        services.AddScoped<CapacityReservations>();
        services.AddOptions<CapacityOptions>().BindConfiguration(CapacityOptions.Section);
        return services;
    }
}

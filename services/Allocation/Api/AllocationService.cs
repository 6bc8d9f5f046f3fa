using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Allocation.Api;

public static class AllocationService
{
    public static readonly PlatformService Descriptor = new("allocation", "allocation", typeof(AllocationService).Assembly);

    public static IServiceCollection AddAllocation(this IServiceCollection services)
    {
        services.AddSingleton(sp => new AllocationOptions(
            sp.GetRequiredService<IConfiguration>().GetValue("Allocation:LowStockDaysOfCover", AllocationOptions.DefaultLowStockDaysOfCover)
        ));
        services.AddSingleton<StockRepository>();
        services.AddSingleton<NetworkRepository>();
        services.AddSingleton<OrderRepository>();
        services.AddSingleton<OrderDesk>();
        services.AddSingleton<Messaging.LedgerPosting>();
        services.AddSingleton<TransferRepository>();
        services.AddSingleton<TransferDesk>();
        services.AddSingleton<DemandRepository>();
        return services;
    }
}

/// <summary>Allocation's settings. LowStockDaysOfCover: LowStockDetected is published when available stock falls under this many days of
/// forecast demand.</summary>
public sealed record AllocationOptions(double LowStockDaysOfCover)
{
    public const double DefaultLowStockDaysOfCover = 14;
}

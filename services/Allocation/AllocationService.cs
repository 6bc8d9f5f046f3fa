using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Allocation;

public static class AllocationService
{
    public static readonly PlatformService Descriptor = new("allocation", "allocation", typeof(AllocationService).Assembly);

    public static IServiceCollection AddAllocation(this IServiceCollection services)
    {
        services.AddPlatformOptions<AllocationOptions>(AllocationOptions.Section);
        services.AddSingleton<StockRepository>();
        services.AddSingleton<NetworkRepository>();
        services.AddSingleton<OrderRepository>();
        services.AddSingleton<TransferRepository>();
        services.AddSingleton<DemandRepository>();
        services.AddSingleton<AdjustmentRepository>();
        services.AddSingleton<LedgerPosting>();
        services.AddSingleton<CreateOrderHandler>();
        services.AddSingleton<CancelOrderHandler>();
        services.AddSingleton<ConfirmShipmentHandler>();
        services.AddSingleton<RequestTransferHandler>();
        services.AddSingleton<ReceiveTransferHandler>();
        services.AddSingleton<RecordCycleCountHandler>();
        return services;
    }
}

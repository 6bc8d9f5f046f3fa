using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Jobs;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Jobs;

namespace InventoryPlatform.Allocation;

public static class AllocationService
{
    public static readonly PlatformService Descriptor = new("allocation", "allocation", typeof(AllocationService).Assembly);

    public static IServiceCollection AddAllocation(this IServiceCollection services)
    {
        services.AddPlatformOptions<AllocationOptions>(AllocationOptions.Section);
        services.AddSingleton<StockRepository>();
        services.AddSingleton<StockChanges>();
        services.AddSingleton<ItemSkuRepository>();
        services.AddSingleton<JournalExport>();
        services.AddSingleton<NetworkRepository>();
        services.AddSingleton<OrderRepository>();
        services.AddSingleton<TransferRepository>();
        services.AddSingleton<DemandRepository>();
        services.AddSingleton<InboundShipmentRepository>();
        services.AddSingleton<RemovalHoldRepository>();
        services.AddSingleton<AdjustmentRepository>();
        services.AddSingleton<LedgerPosting>();
        services.AddSingleton<InboundPosting>();
        services.AddSingleton<RemovalHolds>();
        services.AddSingleton<BackorderFiller>();
        services.AddSingleton<CreateOrderHandler>();
        services.AddSingleton<CancelOrderHandler>();
        services.AddSingleton<ConfirmShipmentHandler>();
        services.AddSingleton<RequestTransferHandler>();
        services.AddSingleton<ReceiveTransferHandler>();
        services.AddSingleton<ChangeNetworkHandler>();
        services.AddSingleton<RebalancingPolicyRepository>();
        services.AddSingleton<RebalanceHandler>();
        services.AddScheduledJob<AutomaticRebalancingJob>(AutomaticRebalancingJob.Name, sp =>
        {
            var interval = sp.GetRequiredService<AllocationOptions>().RebalancingInterval;
            return JobSchedule.Every(interval, firstRunAfter: interval);
        });
        services.AddHostedService<NetworkSnapshotOnStart>();
        services.AddSingleton<RecordCycleCountHandler>();
        services.AddHttpClient<PeerUnitCounts>();
        services.AddSingleton<ReconcileStockHandler>();
        services.AddScheduledJob<ReconciliationJob>("stock-reconciliation", sp =>
        {
            var interval = sp.GetRequiredService<AllocationOptions>().ReconciliationInterval;
            return interval > TimeSpan.Zero
                ? JobSchedule.Every(interval, firstRunAfter: interval)
                : JobSchedule.Every(TimeSpan.FromHours(1), enabled: false);
        });
        return services;
    }
}

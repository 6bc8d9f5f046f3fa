using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Limits.Application;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Limits.Jobs;
using InventoryPlatform.Limits.Messaging;

namespace InventoryPlatform.Limits;

public static class LimitsService
{
    public static readonly PlatformService Descriptor = new("limits", "limits", typeof(LimitsService).Assembly);

    public static IServiceCollection AddLimits(this IServiceCollection services)
    {
        services.AddPlatformOptions<LimitsOptions>(LimitsOptions.Section);
        services.AddSingleton<SellerAccounts>();
        services.AddSingleton<UsageRepository>();
        services.AddSingleton<IUnitCountSource, StockUnitCounts>();
        services.AddSingleton<StockChangedBatch>();
        services.AddSingleton<ActivityRepository>();
        services.AddSingleton<NetworkCapacity>();
        services.AddSingleton<PerformanceRepository>();
        services.AddSingleton<RecomputeLimitsHandler>();
        services.AddSingleton<KpiReportHandler>();
        services.AddScheduledJob<LimitsRecomputeJob>(LimitsRecomputeJob.Name, sp =>
        {
            var options = sp.GetRequiredService<LimitsOptions>();
            return new JobSchedule(options.RecomputeInterval, options.SchedulePollInterval);
        });
        return services;
    }
}

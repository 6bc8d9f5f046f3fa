using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Returns.Application;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Jobs;

namespace InventoryPlatform.Returns;

public static class ReturnsService
{
    public static readonly PlatformService Descriptor = new("returns", "returns", typeof(ReturnsService).Assembly);

    public static IServiceCollection AddReturns(this IServiceCollection services)
    {
        services.AddPlatformOptions<ReturnsOptions>(ReturnsOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<ReturnsOptions>().Windows());
        services.AddSingleton(sp => sp.GetRequiredService<ReturnsOptions>().HighReturnRate());
        services.AddSingleton<ShippedLineRepository>();
        services.AddSingleton<ReturnRepository>();
        services.AddSingleton<GradingRuleRepository>();
        services.AddSingleton<AnalyticsRepository>();
        services.AddSingleton<ReturnRateAlarmHandler>();
        services.AddSingleton<OwedReimbursements>();
        services.AddSingleton<AuthorizeReturnHandler>();
        services.AddSingleton<ReceiveReturnedUnitsHandler>();
        services.AddSingleton<GradeReturnedUnitsHandler>();
        services.AddSingleton<SetGradingRulesHandler>();
        services.AddScheduledJob<ReturnRateAlarmJob>("return-rate-alarm-sweep", sp =>
        {
            // As before: the first sweep one interval after start, then one every interval.
            var interval = sp.GetRequiredService<ReturnsOptions>().AlarmSweepInterval;
            return JobSchedule.Every(interval, firstRunAfter: interval);
        });
        return services;
    }
}

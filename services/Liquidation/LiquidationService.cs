using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Liquidation.Application;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Liquidation.Jobs;
using Microsoft.Extensions.Options;

namespace InventoryPlatform.Liquidation;

public static class LiquidationService
{
    public static readonly PlatformService Descriptor = new("liquidation", "liquidation", typeof(LiquidationService).Assembly);

    public static IServiceCollection AddLiquidation(this IServiceCollection services)
    {
        services.AddPlatformOptions<LiquidationSettings>(LiquidationSettings.Section);
        services.AddSingleton<IValidateOptions<LiquidationSettings>, SettingsCheck>();
        services.AddPlatformOptions<RefreshOptions>(RefreshOptions.Section);
        services.AddSingleton<StockRepository>();
        services.AddSingleton<IUnitCountSource, LotUnitCounts>();
        services.AddSingleton<RecommendationRepository>();
        services.AddSingleton<RemovalOrderRepository>();
        services.AddSingleton<PolicyRepository>();
        services.AddSingleton<StockAnalysis>();
        services.AddSingleton<RecommendationHandler>();
        services.AddSingleton<RemovalOrderHandler>();
        services.AddSingleton<SavePolicyHandler>();
        services.AddScheduledJob<RecommendationRefreshJob>(RecommendationRefreshJob.Name, sp =>
        {
            // Units age every day: the first round is one interval after the job is first known, as each one after it.
            var options = sp.GetRequiredService<RefreshOptions>();
            return JobSchedule.Every(options.Interval, firstRunAfter: options.Interval, enabled: options.Enabled);
        });
        return services;
    }

    /// <summary>Settings that would make every recommendation wrong stop the start, each named with its key.</summary>
    private sealed class SettingsCheck : IValidateOptions<LiquidationSettings>
    {
        public ValidateOptionsResult Validate(string? name, LiquidationSettings options)
        {
            var problems = options.Problems().Select(p => $"{LiquidationSettings.Section}:{p.Field} {p.Reason}").ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

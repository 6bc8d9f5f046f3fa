using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Api;

public static class LiquidationService
{
    public static readonly PlatformService Descriptor = new("liquidation", "liquidation", typeof(LiquidationService).Assembly);

    public static IServiceCollection AddLiquidation(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(LiquidationSettings.Section).Get<LiquidationSettings>() ?? new LiquidationSettings();
        var problems = settings.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "Liquidation settings are not valid: "
                    + string.Join("; ", problems.Select(p => $"{LiquidationSettings.Section}:{p.Field} {p.Reason}"))
            );
        }

        services.AddSingleton(settings);
        services.AddSingleton(configuration.GetSection(RefreshOptions.Section).Get<RefreshOptions>() ?? new RefreshOptions());
        services.AddSingleton<StockRepository>();
        services.AddSingleton<RecommendationRepository>();
        services.AddSingleton<RemovalOrderRepository>();
        services.AddSingleton<PolicyRepository>();
        services.AddSingleton<JobLeases>();
        services.AddSingleton<StockAnalysis>();
        services.AddSingleton<RecommendationDesk>();
        services.AddSingleton<RemovalOrderDesk>();
        services.AddSingleton<RecommendationRefresh>();
        services.AddHostedService(sp => sp.GetRequiredService<RecommendationRefresh>());
        return services;
    }
}

/// <summary>A request that the current state forbids (409).</summary>
public sealed class StateConflictException(string message) : Exception(message);

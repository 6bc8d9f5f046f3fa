using InventoryPlatform.Hosting;
using InventoryPlatform.Returns.Data;
using Microsoft.Extensions.Options;

namespace InventoryPlatform.Returns.Api;

public static class ReturnsService
{
    public static readonly PlatformService Descriptor = new("returns", "returns", typeof(ReturnsService).Assembly);

    public static IServiceCollection AddReturns(this IServiceCollection services)
    {
        services.AddOptions<ReturnsOptions>().BindConfiguration(ReturnsOptions.Section);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReturnsOptions>>().Value.Windows());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReturnsOptions>>().Value.HighReturnRate());
        services.AddSingleton<ShippedLineRepository>();
        services.AddSingleton<ReturnRepository>();
        services.AddSingleton<GradingRuleRepository>();
        services.AddSingleton<AnalyticsRepository>();
        services.AddSingleton<ReturnRateWatch>();
        services.AddSingleton<ReturnDesk>();
        services.AddHostedService<ReturnRateAlarmSweep>();
        return services;
    }
}

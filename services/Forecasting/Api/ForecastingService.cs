using System.Text.RegularExpressions;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Messaging;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.Forecasting.Api;

public static partial class ForecastingService
{
    public static readonly PlatformService Descriptor = new("forecasting", "forecasting", typeof(ForecastingService).Assembly);

    public static IServiceCollection AddForecasting(this IServiceCollection services)
    {
        Dapper.SqlMapper.AddTypeHandler(new DateOnlyColumn());
        services.AddSingleton(sp => ForecastingOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SalesRepository>();
        services.AddSingleton<CalendarRepository>();
        services.AddSingleton<ForecastRepository>();
        services.AddSingleton<ReplenishmentDesk>();
        services.AddSingleton<StockChangedBatch>();
        services.AddSingleton<ForecastDesk>();
        services.AddSingleton<ForecastRefreshJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ForecastRefreshJob>());
        return services;
    }

    public static WebApplication MapForecastingApi(this WebApplication app)
    {
        app.MapHistoryApi();
        app.MapCalendarApi();
        app.MapForecastsApi();
        app.MapReplenishmentApi();
        return app;
    }

    /// <summary>An FNSKU in the network's shape: "X0" and eight characters without I and O.</summary>
    public static bool IsFnsku(string? value) =>
        value is { Length: 10 }
        && value.StartsWith("X0", StringComparison.Ordinal)
        && value.Skip(2).All("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".Contains);

    public static bool IsRegion(string? value) => value is not null && RegionPattern().IsMatch(value);

    public static bool IsMarketplace(string? value) => value is not null && MarketplacePattern().IsMatch(value);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[A-Z]{2,10}$")]
    private static partial Regex MarketplacePattern();
}

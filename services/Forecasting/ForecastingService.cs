using InventoryPlatform.Forecasting.Application;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Jobs;
using InventoryPlatform.Forecasting.Messaging;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Jobs;

namespace InventoryPlatform.Forecasting;

public static class ForecastingService
{
    public static readonly PlatformService Descriptor = new("forecasting", "forecasting", typeof(ForecastingService).Assembly);

    public static IServiceCollection AddForecasting(this IServiceCollection services)
    {
        Dapper.SqlMapper.AddTypeHandler(new DateOnlyColumn());
        services.AddPlatformOptions<ForecastingOptions>(ForecastingOptions.Section);
        services.AddHostedService<NativeLibraryCheck>();
        services.AddSingleton<SalesRepository>();
        services.AddSingleton<IUnitCountSource, StockUnitCounts>();
        services.AddSingleton<CalendarRepository>();
        services.AddSingleton<PriceRepository>();
        services.AddSingleton<MarketplaceSettingsRepository>();
        services.AddSingleton<ForecastRepository>();
        services.AddSingleton<ReplenishmentEvaluator>();
        services.AddSingleton<StockChangedBatch>();
        services.AddSingleton<RefreshOperationRepository>();
        services.AddSingleton<RefreshForecastsHandler>();
        services.AddSingleton<RefreshOperationRunner>();
        services.AddSingleton<SetReplenishmentSettingsHandler>();
        services.AddSingleton<ImportSalesHistoryHandler>();
        services.AddSingleton<SetHolidaysHandler>();
        services.AddScheduledJob<ForecastRefreshJob>("forecast-refresh", sp =>
        {
            var options = sp.GetRequiredService<ForecastingOptions>();
            return new JobSchedule(options.PollInterval, options.PollInterval);
        });
        return services;
    }
}

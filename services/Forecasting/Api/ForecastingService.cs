using InventoryPlatform.Hosting;

namespace InventoryPlatform.Forecasting.Api;

public static class ForecastingService
{
    public static readonly PlatformService Descriptor = new("forecasting", "forecasting", typeof(ForecastingService).Assembly);
}

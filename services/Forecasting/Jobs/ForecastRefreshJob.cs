using InventoryPlatform.Forecasting.Application;
using InventoryPlatform.Hosting.Jobs;

namespace InventoryPlatform.Forecasting.Jobs;

/// <summary>
/// Refreshes the forecasts of every seller whose refresh is due (each seller every <see cref="ForecastingOptions.RefreshInterval"/>),
/// one seller per transaction until none is due. Sellers are claimed with skip-locked rows, so an on-demand refresh or another
/// replica never refreshes the same seller at the same time.
/// </summary>
public sealed class ForecastRefreshJob(RefreshForecastsHandler refresh, ILogger<ForecastRefreshJob> logger) : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && await refresh.RefreshNextDueAsync(cancellationToken) is { } summary)
        {
            logger.LogInformation(
                "Refreshed {Series} series of {Fnskus} FNSKUs for seller {Seller}.",
                summary.Series,
                summary.Fnskus,
                summary.SellerId
            );
        }
    }
}

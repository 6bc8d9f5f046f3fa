using InventoryPlatform.Forecasting.Application;
using InventoryPlatform.Hosting.Jobs;

namespace InventoryPlatform.Forecasting.Jobs;

/// <summary>
/// Queues a refresh operation for every seller whose refresh is due (each seller every
/// <see cref="ForecastingOptions.RefreshInterval"/>, skip-locked per seller so replicas never queue one twice), then runs what
/// is queued and what a dead worker left running (<see cref="RefreshOperationRunner"/>: a conditional claim, so one replica
/// runs each). A seller's own request runs at once on the replica that took it; this job is the safety net after a restart.
/// </summary>
public sealed class ForecastRefreshJob(RefreshForecastsHandler refresh, RefreshOperationRunner runner, ILogger<ForecastRefreshJob> logger)
    : IScheduledJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queued = await refresh.QueueDueAsync(cancellationToken);
        var ran = await runner.RunPendingAsync(cancellationToken);
        if (queued > 0 || ran > 0)
        {
            logger.LogInformation("Queued {Queued} scheduled refreshes; ran {Ran} refresh operations.", queued, ran);
        }
    }
}

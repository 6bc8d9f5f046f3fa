using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Returns.Application;

namespace InventoryPlatform.Returns.Jobs;

/// <summary>
/// Every <see cref="ReturnsOptions.AlarmSweepInterval"/>, reads the raised return-rate alarms again (<see
/// cref="ReturnRateAlarmHandler.SweepAsync"/>), so they re-arm when returns age out of the window. Alarms are claimed in
/// batches with row locks that skip what another transaction holds.
/// </summary>
public sealed class ReturnRateAlarmJob(ReturnRateAlarmHandler alarms, ILogger<ReturnRateAlarmJob> logger) : IScheduledJob
{
    private const int BatchSize = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var read = await alarms.SweepAsync(BatchSize, cancellationToken);
        if (read > 0)
        {
            logger.LogInformation("Read {Count} raised return-rate alarms again.", read);
        }
    }
}

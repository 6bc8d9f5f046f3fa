using InventoryPlatform.Data;
using Microsoft.Extensions.Options;

namespace InventoryPlatform.Returns.Api;

/// <summary>
/// Every <see cref="ReturnsOptions.AlarmSweepInterval"/>, reads the raised return-rate alarms again (<see
/// cref="ReturnRateWatch.SweepAsync"/>).
/// Safe with several replicas: each claims alarms with row locks that skip what another replica holds.
/// </summary>
public sealed class ReturnRateAlarmSweep(
    Database database,
    ReturnRateWatch watch,
    IOptions<ReturnsOptions> options,
    TimeProvider time,
    ILogger<ReturnRateAlarmSweep> logger
) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.AlarmSweepInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, stoppingToken);
                var read = await watch.SweepAsync(database, BatchSize, stoppingToken);
                if (read > 0)
                {
                    logger.LogInformation("Read {Count} raised return-rate alarms again.", read);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be away; the next sweep tries again.
                logger.LogWarning(exception, "Sweeping return-rate alarms failed.");
            }
        }
    }
}

using InventoryPlatform.Limits.Data;

namespace InventoryPlatform.Limits.Api;

/// <summary>
/// Recomputes every seller's score and limits every <see cref="LimitsOptions.RecomputeInterval"/>. Each replica polls; the
/// schedule's lease row lets only the replica that moves the due time forward run it, so a due run happens once.
/// </summary>
public sealed class ScheduledRecompute(
    JobSchedule schedule,
    SellerAccounts accounts,
    LimitsRecompute recompute,
    LimitsOptions options,
    TimeProvider time,
    ILogger<ScheduledRecompute> logger
) : BackgroundService
{
    public const string Job = "recompute";

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SchedulePollInterval, time);
        do
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be away; the run is due again at the next claim.
                logger.LogWarning(exception, "Scheduled recompute failed; trying again at the next poll.");
            }
        } while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Runs the recompute of all sellers when it is due and this replica claimed it; returns how many were recomputed.</summary>
    public async Task<int> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!await schedule.TryClaimAsync(Job, now, now + options.RecomputeInterval, _owner, cancellationToken))
        {
            return 0;
        }

        var done = 0;
        foreach (var sellerId in await accounts.AllSellerIdsAsync(cancellationToken))
        {
            try
            {
                await recompute.RecomputeAsync(sellerId, Guid.CreateVersion7(), cancellationToken);
                done++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One seller's failure must not stop the others'.
                logger.LogWarning(exception, "Recomputing seller {SellerId} failed.", sellerId);
            }
        }

        logger.LogInformation("Recomputed scores and limits of {Sellers} sellers.", done);
        return done;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

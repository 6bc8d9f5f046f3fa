using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Hosting.Jobs;

/// <summary>
/// Runs one <see cref="IScheduledJob"/> on its <see cref="JobSchedule"/>. Every replica polls; only the one whose claim
/// moves the job's <c>scheduled_jobs</c> row forward runs it (<see cref="JobClaims"/>), so a due run happens once. A
/// database that is away, or a run that throws, is logged and tried again at the next poll or due time.
/// </summary>
public sealed class JobScheduler<TJob>(
    IServiceProvider services,
    ScheduledJob<TJob> registration,
    JobClaims claims,
    TimeProvider time,
    ILogger<JobScheduler<TJob>> logger
) : BackgroundService
    where TJob : class, IScheduledJob
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private bool _known;

    public string Name => registration.Name;

    /// <summary>Runs the job when it is due and this replica claimed the run; false when it was not due here.</summary>
    public async Task<bool> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var schedule = registration.Schedule(services);
        var now = time.GetUtcNow().UtcDateTime;
        if (!_known)
        {
            await claims.EnsureAsync(Name, now + schedule.FirstRunAfter, cancellationToken);
            _known = true;
        }

        if (!await claims.TryClaimAsync(Name, now, now + schedule.Interval, _owner, cancellationToken))
        {
            return false;
        }

        var started = time.GetTimestamp();
        await services.GetRequiredService<TJob>().RunAsync(cancellationToken);
        logger.LogInformation("Scheduled job {Job} ran in {Elapsed}.", Name, time.GetElapsedTime(started));
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = registration.Schedule(services);
        if (!schedule.Enabled)
        {
            logger.LogInformation("Scheduled job {Job} is disabled on this replica.", Name);
            return;
        }

        using var timer = new PeriodicTimer(schedule.PollInterval, time);
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
                // The database may be away, or the run failed part-way: the job is due again at its next time.
                logger.LogWarning(exception, "Scheduled job {Job} failed; it runs again when next due.", Name);
            }
        } while (await WaitAsync(timer, stoppingToken));
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

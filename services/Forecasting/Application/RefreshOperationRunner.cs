using InventoryPlatform.Forecasting.Data;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// Claims refresh operations and runs them, one at a time per replica (a refresh uses every core). A seller's request runs at
/// once in the background on the replica that took it; the refresh job (<see cref="Jobs.ForecastRefreshJob"/>) runs what is
/// queued and what a dead worker left running. While it runs, a heartbeat renews the lease every quarter of
/// <see cref="ForecastingOptions.RefreshLease"/>; a worker that stops (crash, restart, scale-in) lets the lease go stale and
/// another replica claims the operation and runs it again from the start (stored forecasts are replaced, so a repeat is safe).
/// </summary>
public sealed class RefreshOperationRunner(
    RefreshOperationRepository operations,
    RefreshForecastsHandler refresh,
    ForecastingOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<RefreshOperationRunner> logger
) : IDisposable
{
    public const int MaxAttempts = 3;

    /// <summary>How long a finished operation can still be read.</summary>
    public static readonly TimeSpan Retained = TimeSpan.FromDays(30);

    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>This replica's name in <c>claimed_by</c>.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public void Dispose() => _one.Dispose();

    /// <summary>Runs the operation in the background on this replica (after the request that queued it has committed).</summary>
    public void RunInBackground(Guid id) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(id, lifetime.ApplicationStopping);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database was away while claiming: the operation stays queued and the refresh job runs it.
                logger.LogWarning(exception, "Could not start refresh operation {Operation}; the refresh job will.", id);
            }
        });

    /// <summary>Claims and runs every queued operation, and every running one whose worker died; returns how many ran here.</summary>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var abandoned = await operations.AbandonAsync(
            now - options.RefreshLease,
            MaxAttempts,
            now,
            $"[{{\"series\":null,\"reason\":\"The refresh's worker stopped {MaxAttempts} times before it finished.\"}}]",
            cancellationToken
        );
        if (abandoned > 0)
        {
            logger.LogWarning("Failed {Count} refresh operations whose workers stopped {Attempts} times.", abandoned, MaxAttempts);
        }

        // Finished operations are kept for Retained, then purged in short statements.
        int purged;
        do
        {
            purged = await operations.PurgeAsync(now - Retained, 1_000, cancellationToken);
        } while (purged == 1_000);

        var ran = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var pending = await operations.PendingAsync(time.GetUtcNow().UtcDateTime - options.RefreshLease, 10, cancellationToken);
            var any = false;
            foreach (var id in pending)
            {
                if (await RunAsync(id, cancellationToken))
                {
                    ran++;
                    any = true;
                }
            }

            if (!any)
            {
                return ran;
            }
        }

        return ran;
    }

    /// <summary>Claims the operation and runs it to its end; false when it was not claimable (held elsewhere, or over).</summary>
    public async Task<bool> RunAsync(Guid id, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            if (!await operations.TryClaimAsync(id, Owner, now, now - options.RefreshLease, cancellationToken))
            {
                return false;
            }

            var operation = await operations.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"No operation {id}.");
            await RunClaimedAsync(operation, cancellationToken);
            return true;
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task RunClaimedAsync(RefreshOperation operation, CancellationToken cancellationToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = HeartbeatAsync(operation.Id, running);
        try
        {
            var done = await refresh.RunAsync(operation, Owner, running.Token);
            logger.LogInformation(
                "Refresh {Operation} of seller {Seller}: {Forecast} of {Total} series forecast, {Guarded} capped, "
                    + "{Skipped} FNSKUs without sales.",
                done.Id,
                done.SellerId,
                done.Forecast,
                done.SeriesTotal,
                done.Guarded,
                done.Skipped
            );
        }
        catch (RefreshLeaseLostException exception)
        {
            logger.LogWarning(exception, "Refresh {Operation} was taken over by another replica; stopped here.", operation.Id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the operation stays running under this replica's lease, which goes stale; another replica resumes it.
            logger.LogInformation("Refresh {Operation} interrupted by shutdown; another replica will run it.", operation.Id);
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // The heartbeat found the lease lost and stopped the run; the replica that holds it now finishes the work.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Refresh {Operation} of seller {Seller} failed.", operation.Id, operation.SellerId);
            await refresh.FailAsync(operation.Id, Owner, $"{exception.GetType().Name}: {exception.Message}", CancellationToken.None);
        }
        finally
        {
            await running.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>Renews the lease until the run ends; a lost lease cancels the run.</summary>
    private async Task HeartbeatAsync(Guid id, CancellationTokenSource running)
    {
        var every = options.RefreshLease / 4;
        try
        {
            while (true)
            {
                await Task.Delay(every, running.Token);
                try
                {
                    if (!await operations.HeartbeatAsync(id, Owner, time.GetUtcNow().UtcDateTime, running.Token))
                    {
                        logger.LogWarning("Refresh {Operation} lost its lease; stopping it here.", id);
                        await running.CancelAsync();
                        return;
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The database is away for a moment: the next beat tries again before the lease runs out.
                    logger.LogWarning(exception, "Heartbeat of refresh {Operation} failed.", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }
}

using InventoryPlatform.Liquidation.Data;

namespace InventoryPlatform.Liquidation.Api;

public sealed class RefreshOptions
{
    public const string Section = "Liquidation:Refresh";

    public bool Enabled { get; set; } = true;

    /// <summary>How often ages, excess and recommendations are recomputed for every seller.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Recomputes every seller's recommendations on a schedule (units age every day). Each replica wakes on the interval,
/// but only the one that takes the lease runs; the others skip that round.
/// </summary>
public sealed class RecommendationRefresh(
    JobLeases leases,
    StockRepository stock,
    RecommendationDesk desk,
    RefreshOptions options,
    TimeProvider time,
    ILogger<RecommendationRefresh> logger
) : BackgroundService
{
    public const string Job = "recommendation-refresh";

    private readonly string _holder = $"{Environment.MachineName}:{Guid.NewGuid():N}";

    /// <summary>One round: true when this replica held the lease and recomputed.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        // The lease lasts a little less than the interval so the next round on any replica can take it.
        var lease = options.Interval > TimeSpan.FromMinutes(2) ? options.Interval - TimeSpan.FromMinutes(1) : options.Interval;
        if (!await leases.TryAcquireAsync(Job, _holder, time.GetUtcNow(), lease, cancellationToken))
        {
            return false;
        }

        foreach (var seller in await stock.SellersWithStockAsync(cancellationToken))
        {
            try
            {
                var raised = await desk.RecomputeAsync(seller, Guid.CreateVersion7(), cancellationToken);
                logger.LogInformation("Recomputed {Count} recommendations for seller {SellerId}.", raised.Count, seller);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One seller's failure must not starve the others; the next round tries again.
                logger.LogError(exception, "Recomputing recommendations for seller {SellerId} failed.", seller);
            }
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Interval, time, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Recommendation refresh failed; trying again next round.");
            }
        }
    }
}

using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Liquidation.Application;
using InventoryPlatform.Liquidation.Data;

namespace InventoryPlatform.Liquidation.Jobs;

/// <summary>
/// Recomputes every seller's recommendations every <see cref="RefreshOptions.Interval"/> (units age every day), on the
/// platform's job scheduler, which lets one replica run each due round.
/// </summary>
public sealed class RecommendationRefreshJob(
    StockRepository stock,
    RecommendationHandler recommendations,
    ILogger<RecommendationRefreshJob> logger
) : IScheduledJob
{
    public const string Name = "recommendation-refresh";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var seller in await stock.SellersWithStockAsync(cancellationToken))
        {
            try
            {
                var raised = await recommendations.RecomputeAsync(seller, Guid.CreateVersion7(), cancellationToken);
                logger.LogInformation("Recomputed {Count} recommendations for seller {SellerId}.", raised.Count, seller);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One seller's failure must not starve the others; the next round tries again.
                logger.LogError(exception, "Recomputing recommendations for seller {SellerId} failed.", seller);
            }
        }
    }
}

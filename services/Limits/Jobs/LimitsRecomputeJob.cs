using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Limits.Application;
using InventoryPlatform.Limits.Data;

namespace InventoryPlatform.Limits.Jobs;

/// <summary>
/// Recomputes every seller's score and limits, every <see cref="LimitsOptions.RecomputeInterval"/> on the platform's job
/// scheduler (one replica runs each due round). One seller's failure does not stop the others'.
/// </summary>
public sealed class LimitsRecomputeJob(SellerAccounts accounts, RecomputeLimitsHandler recompute, ILogger<LimitsRecomputeJob> logger)
    : IScheduledJob
{
    public const string Name = "recompute";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
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
    }
}

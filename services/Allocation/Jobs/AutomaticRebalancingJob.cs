using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Hosting.Jobs;

namespace InventoryPlatform.Allocation.Jobs;

/// <summary>
/// Creates the rebalancing transfers of every seller whose policy is automatic, every
/// <see cref="AllocationOptions.RebalancingInterval"/>, on the shared scheduler (one replica per round).
/// </summary>
public sealed class AutomaticRebalancingJob(
    RebalancingPolicyRepository policies,
    RebalanceHandler rebalance,
    ILogger<AutomaticRebalancingJob> logger
) : IScheduledJob
{
    public const string Name = "automatic-rebalancing";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var seller in await policies.AutomaticSellersAsync(cancellationToken))
        {
            var (_, transfers) = await rebalance.RunAsync(seller, null, Guid.CreateVersion7(), cancellationToken);
            if (transfers.Count > 0)
            {
                logger.LogInformation(
                    "Rebalancing created {Transfers} transfers ({Units} units) for seller {Seller}.",
                    transfers.Count,
                    transfers.Sum(t => t.Quantity),
                    seller
                );
            }
        }
    }
}

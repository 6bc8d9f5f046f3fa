using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Rebalancing: proposals that bring each FC's stock of an FNSKU to its share of regional demand, counting transfers already in
/// flight at their destination and leaving room in each FC's storage capacity; and, for sellers whose policy is automatic, the
/// run that creates those transfers itself through <see cref="RequestTransferHandler"/> (the handler of a manual transfer,
/// which moves only available units, never reserved ones).
/// </summary>
public sealed class RebalanceHandler(
    Database database,
    NetworkRepository networks,
    DemandRepository demand,
    StockRepository stock,
    RebalancingPolicyRepository policies,
    RequestTransferHandler requestTransfer
)
{
    /// <summary>Gaps under this many units are left alone by the automatic run (and by proposals unless asked otherwise).</summary>
    public const int DefaultMinimumUnits = 10;

    public async Task<(IReadOnlyList<TransferProposal> Transfers, string DemandSource)> ProposeAsync(
        string sellerId,
        string fnsku,
        string marketplace,
        int minimumUnits,
        CancellationToken cancellationToken
    )
    {
        var network = await networks.GetAsync(cancellationToken);
        var (rates, source) = await demand.GetAsync(sellerId, fnsku, cancellationToken);
        var proposals = await database.InTransactionAsync(
            unit => ProposeAsync(unit, network, sellerId, fnsku, marketplace, rates, minimumUnits),
            cancellationToken
        );
        return (proposals, source);
    }

    /// <summary>
    /// Creates the proposed transfers of every FNSKU the seller holds (in <paramref name="marketplace"/>, or in every marketplace
    /// it holds the FNSKU in) when its policy is automatic; nothing otherwise. One transaction per FNSKU, under the seller's
    /// policy row lock, so two runs never both act on the same figures.
    /// </summary>
    public async Task<(RebalancingMode Mode, IReadOnlyList<TransferRecord> Transfers)> RunAsync(
        string sellerId,
        string? marketplace,
        Guid correlationId,
        CancellationToken cancellationToken
    )
    {
        var mode = await policies.GetAsync(sellerId, cancellationToken);
        if (mode != RebalancingMode.Automatic)
        {
            return (mode, []);
        }

        var network = await networks.GetAsync(cancellationToken);
        var fnskus = await database.InTransactionAsync(unit => stock.FnskusHeldAsync(unit, sellerId), cancellationToken);
        var created = new List<TransferRecord>();
        foreach (var fnsku in fnskus)
        {
            var (rates, _) = await demand.GetAsync(sellerId, fnsku, cancellationToken);
            created.AddRange(
                await database.InTransactionAsync(
                    unit => RunAsync(unit, network, sellerId, fnsku, marketplace, rates, correlationId),
                    cancellationToken
                )
            );
        }

        return (mode, created);
    }

    private async Task<IReadOnlyList<TransferRecord>> RunAsync(
        UnitOfWork unit,
        FulfillmentNetwork network,
        string sellerId,
        string fnsku,
        string? marketplace,
        IReadOnlyList<RegionalDemandRate> rates,
        Guid correlationId
    )
    {
        if (await policies.LockAsync(unit, sellerId) != RebalancingMode.Automatic)
        {
            return [];
        }

        var marketplaces = marketplace is not null
            ? [marketplace]
            : (await stock.BalancesAsync(unit, sellerId, fnsku))
                .Keys.Select(fc => network.FindCenter(fc)?.Marketplace)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
        var transfers = new List<TransferRecord>();
        foreach (var market in marketplaces)
        {
            foreach (var proposal in await ProposeAsync(unit, network, sellerId, fnsku, market, rates, DefaultMinimumUnits))
            {
                try
                {
                    transfers.Add(
                        await requestTransfer.HandleAsync(
                            unit,
                            sellerId,
                            fnsku,
                            proposal.FromFulfillmentCenter,
                            proposal.ToFulfillmentCenter,
                            proposal.Quantity,
                            TransferOrigin.Rebalancer,
                            correlationId
                        )
                    );
                }
                catch (StateConflictException)
                {
                    // Fewer units available than read (the handler refused before writing anything): the next run sees the new figures.
                }
            }
        }

        return transfers;
    }

    private async Task<IReadOnlyList<TransferProposal>> ProposeAsync(
        UnitOfWork unit,
        FulfillmentNetwork network,
        string sellerId,
        string fnsku,
        string marketplace,
        IReadOnlyList<RegionalDemandRate> rates,
        int minimumUnits
    )
    {
        var balances = await stock.BalancesAsync(unit, sellerId, fnsku);
        var used = await stock.UnitsByCenterAsync(unit);
        var room = network
            .Centers.Where(c => c.Marketplace == marketplace)
            .ToDictionary(
                c => c.Code,
                c => (int)Math.Clamp(c.StorageCapacityUnits - used.GetValueOrDefault(c.Code), 0, int.MaxValue),
                StringComparer.Ordinal
            );
        return DemandPlacement.Rebalance(
            network,
            marketplace,
            fnsku,
            balances.ToDictionary(b => b.Key, b => b.Value.Available, StringComparer.Ordinal),
            rates,
            minimumUnits,
            balances.ToDictionary(b => b.Key, b => b.Value.InTransit, StringComparer.Ordinal),
            room
        );
    }
}

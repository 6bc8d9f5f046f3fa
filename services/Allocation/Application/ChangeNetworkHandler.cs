using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Allocation.Application;

/// <summary>
/// Edits the FC network and, in the same transaction, tells the other services when its reference data (FCs, regions,
/// marketplaces) changed: a whole <see cref="FulfillmentNetworkChanged"/> snapshot through the outbox, its version one above
/// the last one published (Allocation keeps what it published in its own <see cref="NetworkDirectory"/>).
/// </summary>
public sealed class ChangeNetworkHandler(
    Database database,
    NetworkRepository networks,
    NetworkDirectory directory,
    Outbox outbox,
    TimeProvider time
)
{
    /// <summary>The seller id the snapshot carries when no caller caused it (start-up).</summary>
    public const string PlatformSellerId = "platform";

    public Task<T> HandleAsync<T>(
        Func<UnitOfWork, Task<T>> change,
        string sellerId,
        Guid correlationId,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            async unit =>
            {
                var result = await change(unit);
                await PublishIfChangedAsync(unit, sellerId, correlationId);
                return result;
            },
            cancellationToken
        );

    /// <summary>Publishes a snapshot when the network's codes differ from the last one published; false when they do not.</summary>
    public async Task<bool> PublishIfChangedAsync(UnitOfWork unit, string sellerId, Guid correlationId)
    {
        var published = await directory.LockAsync(unit);
        var (regions, centers) = await networks.CodesAsync(unit);
        var marketplaces = regions
            .Select(r => r.Marketplace)
            .Concat(centers.Select(c => c.Marketplace))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var unchanged =
            published.Marketplaces.SetEquals(marketplaces)
            && published.Regions.Count == regions.Count
            && regions.All(r => published.Regions.TryGetValue(r.Code, out var marketplace) && marketplace == r.Marketplace)
            && published.FulfillmentCenters.Count == centers.Count
            && centers.All(c => published.FulfillmentCenters.TryGetValue(c.Code, out var fc) && fc == (c.Marketplace, c.Region));
        if (unchanged)
        {
            return false;
        }

        var snapshot = new FulfillmentNetworkChanged(
            Guid.CreateVersion7(),
            time.GetUtcNow(),
            sellerId,
            correlationId,
            published.Version + 1,
            centers.Select(c => new NetworkCenter(c.Code, c.Marketplace, c.Region)).ToList(),
            regions.Select(r => new NetworkRegion(r.Code, r.Marketplace)).ToList(),
            marketplaces
        );
        await directory.ApplyAsync(unit, snapshot);
        await outbox.AddAsync(unit, snapshot);
        return true;
    }
}

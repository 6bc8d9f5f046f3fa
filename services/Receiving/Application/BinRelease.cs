using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Data;

namespace InventoryPlatform.Receiving.Application;

/// <summary>
/// Units that leave an FC's shelves (shipped, transferred out, removed, adjusted down) free the bins they were put away in,
/// inside the consuming message's transaction, so the next putaway can use the space.
/// </summary>
public sealed class BinRelease(PutawayRepository bins, ItemRepository items, TimeProvider time)
{
    /// <summary>
    /// Frees the bins of <paramref name="quantity"/> units: the <paramref name="preferredBin"/> first when one was named,
    /// then the nearest to the pick face, oldest unit first. Units never put away (no bin had room, damaged, received before
    /// bins were configured) free nothing. Returns how many units left a bin.
    /// </summary>
    public async Task<int> FreeAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        string fulfillmentCenter,
        int quantity,
        string? preferredBin = null
    )
    {
        if (quantity <= 0)
        {
            return 0;
        }

        var leaving = await bins.UnitsInBinsAsync(unit, sellerId, fnsku, fulfillmentCenter, quantity, preferredBin);
        if (leaving.Count == 0 || !(await items.FindManyAsync(unit, sellerId, [fnsku])).TryGetValue(fnsku, out var item))
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var freed = 0;
        // In bin order, as putaway claims them, so a release and a putaway never wait for each other's bins the other way round.
        foreach (var bin in leaving.GroupBy(u => u.BinId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            freed += await bins.ReleaseAsync(unit, fulfillmentCenter, bin.Key, [.. bin.Select(u => u.UnitId)], item.CubicFeet, now);
        }

        return freed;
    }
}

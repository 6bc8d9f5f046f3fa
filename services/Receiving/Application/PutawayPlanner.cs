using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Application;

/// <summary>Puts newly received sellable units away into the FC's bins, inside the scan's transaction.</summary>
public sealed class PutawayPlanner(PutawayRepository bins, ItemRepository items, PutawayOptions options, TimeProvider time)
{
    /// <summary>
    /// Damaged units go to the FC's damage area, not a bin; an FC without configured bins stows nothing
    /// (its units show no bin).
    /// </summary>
    public async Task StowAsync(UnitOfWork unit, string sellerId, string fulfillmentCenter, IReadOnlyList<Scan> recorded)
    {
        var sellable = recorded.Where(s => s.Condition == UnitCondition.Sellable).ToList();
        if (sellable.Count == 0)
        {
            return;
        }

        var space = await bins.ReadBinsAsync(unit, fulfillmentCenter);
        if (space.Count == 0)
        {
            return;
        }

        var fnskus = sellable.Select(s => s.Fnsku).Distinct(StringComparer.Ordinal).ToList();
        var volumes = await items.FindManyAsync(unit, sellerId, fnskus);
        var window = options.VelocityWindowDays;
        var now = time.GetUtcNow().UtcDateTime;
        var velocity = await bins.UnitsPerDayAsync(unit, fulfillmentCenter, fnskus, DateOnly.FromDateTime(now).AddDays(-window), window);

        // Bins are read without locks so scans of different shipments at one FC run side by side; a bin's space is
        // claimed with a conditional update, and units whose bin filled up meanwhile are planned again.
        var waiting = sellable.Select(s => new UnitToStow(s.UnitId, s.Fnsku, volumes[s.Fnsku].CubicFeet)).ToList();
        for (var attempt = 0; attempt < 3 && waiting.Count > 0; attempt++)
        {
            if (attempt > 0)
            {
                space = await bins.ReadBinsAsync(unit, fulfillmentCenter);
            }

            var plan = Putaway.Assign(waiting, space, velocity, options.FastMoverUnitsPerDay);
            var volumeOf = waiting.ToDictionary(u => u.UnitId, u => u.CubicFeet, StringComparer.Ordinal);
            var retry = new List<UnitToStow>();
            // In bin order, so two scans never wait for each other's bins the other way round.
            foreach (
                var group in plan
                    .Assignments.Where(a => a.BinId is not null)
                    .GroupBy(a => a.BinId!, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
            )
            {
                var unitIds = group.Select(a => a.UnitId).ToList();
                if (await bins.TryTakeAsync(unit, fulfillmentCenter, group.Key, unitIds.Sum(id => volumeOf[id]), now))
                {
                    await bins.SetBinAsync(unit, group.Key, unitIds);
                }
                else
                {
                    retry.AddRange(waiting.Where(u => unitIds.Contains(u.UnitId)));
                }
            }

            waiting = retry;
        }
    }
}

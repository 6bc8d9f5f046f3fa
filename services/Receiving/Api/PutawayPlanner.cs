using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;
using Microsoft.Extensions.Options;

namespace InventoryPlatform.Receiving.Api;

public sealed class PutawayOptions
{
    public const string Section = "Receiving:Putaway";

    /// <summary>Units a day (over the velocity window) from which an FNSKU counts as a fast mover.</summary>
    public decimal FastMoverUnitsPerDay { get; set; } = 1m;

    /// <summary>How many recent days of OrderShipped make the sales velocity.</summary>
    public int VelocityWindowDays { get; set; } = 28;
}

/// <summary>Puts newly received sellable units away into the FC's bins, inside the scan's transaction.</summary>
public sealed class PutawayPlanner(PutawayRepository bins, ItemRepository items, IOptions<PutawayOptions> options, TimeProvider time)
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

        var space = await bins.LockBinsAsync(unit, fulfillmentCenter);
        if (space.Count == 0)
        {
            return;
        }

        var fnskus = sellable.Select(s => s.Fnsku).Distinct(StringComparer.Ordinal).ToList();
        var volumes = await items.FindManyAsync(unit, sellerId, fnskus);
        var window = options.Value.VelocityWindowDays;
        var since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-window);
        var velocity = await bins.UnitsPerDayAsync(unit, fulfillmentCenter, fnskus, since, window);

        var plan = Putaway.Assign(
            sellable.Select(s => new UnitToStow(s.UnitId, s.Fnsku, volumes[s.Fnsku].CubicFeet)).ToList(),
            space,
            velocity,
            options.Value.FastMoverUnitsPerDay);
        var touched = plan.Assignments.Where(a => a.BinId is not null).Select(a => a.BinId!).ToHashSet(StringComparer.Ordinal);
        await bins.SaveAsync(unit, fulfillmentCenter, plan, touched, time.GetUtcNow().UtcDateTime);
    }
}

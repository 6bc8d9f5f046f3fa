namespace InventoryPlatform.Allocation.Domain;

/// <summary>Puts stock near demand: advice for inbound units, and transfers that rebalance what is already placed.</summary>
public static class DemandPlacement
{
    /// <summary>
    /// The share of a marketplace's demand each of its FCs serves: every region's demand goes to the marketplace FC with the
    /// shortest transit to it. Without any demand, every region of the marketplace counts the same.
    /// </summary>
    public static IReadOnlyDictionary<string, double> ShareByCenter(
        FulfillmentNetwork network,
        string marketplace,
        IReadOnlyList<RegionalDemandRate> demand
    )
    {
        var regions = network.Regions.Where(r => r.Marketplace == marketplace).Select(r => r.Code).ToList();
        var byRegion = regions.ToDictionary(
            r => r,
            r => demand.Where(d => d.Region == r).Sum(d => Math.Max(0, d.DailyUnits)),
            StringComparer.Ordinal
        );
        if (byRegion.Values.Sum() <= 0)
        {
            byRegion = regions.ToDictionary(r => r, _ => 1.0, StringComparer.Ordinal);
        }

        var centers = network.Centers.Where(c => c.Marketplace == marketplace).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var shares = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (region, units) in byRegion)
        {
            var nearest = network
                .TransitTimes.Where(t => t.Region == region && centers.Contains(t.FulfillmentCenter))
                .OrderBy(t => t.TransitHours)
                .ThenBy(t => t.FulfillmentCenter, StringComparer.Ordinal)
                .FirstOrDefault();
            if (nearest is not null && units > 0)
            {
                shares[nearest.FulfillmentCenter] = shares.GetValueOrDefault(nearest.FulfillmentCenter) + units;
            }
        }

        var total = shares.Values.Sum();
        return total <= 0 ? shares : shares.ToDictionary(s => s.Key, s => s.Value / total, StringComparer.Ordinal);
    }

    /// <summary>Splits planned inbound units across the marketplace's FCs by demand share (largest remainder, so the units add up
    /// exactly).</summary>
    public static IReadOnlyList<PlacementLine> Advise(
        FulfillmentNetwork network,
        string marketplace,
        int units,
        IReadOnlyList<RegionalDemandRate> demand
    )
    {
        var shares = ShareByCenter(network, marketplace, demand);
        return Apportion(units, shares)
            .Where(x => x.Value > 0)
            .Select(x => new PlacementLine(x.Key, x.Value, Math.Round(shares[x.Key], 4)))
            .OrderByDescending(l => l.Units)
            .ThenBy(l => l.FulfillmentCenter, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Proposes transfers so each FC's stock matches its demand share: FCs above their target send to FCs below it, largest
    /// gaps first. An FC's stock is what it has available plus what is already in transit to it (a transfer in flight counts
    /// at its destination, so a second run does not propose the same move again); only available units are sent. A destination
    /// receives no more than its <paramref name="roomByCenter"/> (free storage capacity, when given). Gaps smaller than
    /// <paramref name="minimumUnits"/> are left alone (a transfer costs more than it saves). Days of cover are available units
    /// over the FC's share of daily demand (null where it serves no demand).
    /// </summary>
    public static IReadOnlyList<TransferProposal> Rebalance(
        FulfillmentNetwork network,
        string marketplace,
        string fnsku,
        IReadOnlyDictionary<string, int> availableByCenter,
        IReadOnlyList<RegionalDemandRate> demand,
        int minimumUnits,
        IReadOnlyDictionary<string, int>? inTransitByCenter = null,
        IReadOnlyDictionary<string, int>? roomByCenter = null
    )
    {
        var shares = ShareByCenter(network, marketplace, demand);
        var centers = network.Centers.Where(c => c.Marketplace == marketplace).Select(c => c.Code).ToList();
        int Available(string fc) => Math.Max(0, availableByCenter.GetValueOrDefault(fc));
        int Position(string fc) => Available(fc) + Math.Max(0, inTransitByCenter?.GetValueOrDefault(fc) ?? 0);
        var total = centers.Sum(Position);
        var targets = Apportion(total, shares);
        var daily = demand.Sum(d => Math.Max(0, d.DailyUnits));
        double? Cover(string fc, int units) =>
            shares.GetValueOrDefault(fc) * daily is var rate && rate > 0 ? Math.Round(units / rate, 1) : null;

        var gaps = centers.ToDictionary(c => c, c => Position(c) - targets.GetValueOrDefault(c), StringComparer.Ordinal);
        var sendable = centers.ToDictionary(c => c, Available, StringComparer.Ordinal);
        var room = centers.ToDictionary(
            c => c,
            c => roomByCenter is null ? int.MaxValue : Math.Max(0, roomByCenter.GetValueOrDefault(c)),
            StringComparer.Ordinal
        );
        var proposals = new List<TransferProposal>();
        foreach (
            var to in gaps.Where(g => g.Value <= -minimumUnits)
                .OrderBy(g => g.Value)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key)
                .ToList()
        )
        {
            foreach (
                var from in gaps.Where(g => g.Value >= minimumUnits)
                    .OrderByDescending(g => g.Value)
                    .ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => g.Key)
                    .ToList()
            )
            {
                var quantity = Math.Min(Math.Min(gaps[from], sendable[from]), Math.Min(-gaps[to], room[to]));
                if (quantity < minimumUnits)
                {
                    continue;
                }

                proposals.Add(new TransferProposal(fnsku, from, to, quantity, Cover(from, Available(from)), Cover(to, Available(to))));
                gaps[from] -= quantity;
                sendable[from] -= quantity;
                gaps[to] += quantity;
                room[to] -= quantity;
                if (gaps[to] > -minimumUnits || room[to] < minimumUnits)
                {
                    break;
                }
            }
        }

        return proposals;
    }

    private static Dictionary<string, int> Apportion(int units, IReadOnlyDictionary<string, double> shares)
    {
        var exact = shares.ToDictionary(s => s.Key, s => units * s.Value, StringComparer.Ordinal);
        var whole = exact.ToDictionary(e => e.Key, e => (int)Math.Floor(e.Value), StringComparer.Ordinal);
        var left = units - whole.Values.Sum();
        foreach (
            var key in exact
                .OrderByDescending(e => e.Value - Math.Floor(e.Value))
                .ThenBy(e => e.Key, StringComparer.Ordinal)
                .Take(Math.Max(0, left))
                .Select(e => e.Key)
        )
        {
            whole[key]++;
        }

        return whole;
    }
}

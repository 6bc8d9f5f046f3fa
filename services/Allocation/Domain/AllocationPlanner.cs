namespace InventoryPlatform.Allocation.Domain;

public static class AllocationPlanner
{
    /// <summary>
    /// Picks the FCs that can ship soonest. One FC that holds every line wins (fewest splits), the one with the
    /// shortest transit first, then the one with the most stock. When no single FC can, FCs are taken one at a
    /// time, each time the one that covers the most of what is still missing (then shortest transit, then most
    /// stock), until the order is covered or no FC has any; the rest is backordered, never silently dropped.
    /// </summary>
    /// <param name="available">Units available per (FNSKU, FC); absent means none.</param>
    public static AllocationPlan Plan(
        IReadOnlyList<LineDemand> lines,
        IReadOnlyList<ShippingOption> options,
        IReadOnlyDictionary<(string Fnsku, string FulfillmentCenter), int> available
    )
    {
        int Stock(string fnsku, string fc) => Math.Max(0, available.GetValueOrDefault((fnsku, fc)));
        int TotalStock(ShippingOption o) => lines.Sum(l => Stock(l.Fnsku, o.FulfillmentCenter));

        var single = options
            .Where(o => lines.All(l => Stock(l.Fnsku, o.FulfillmentCenter) >= lines.Where(x => x.Fnsku == l.Fnsku).Sum(x => x.Quantity)))
            .OrderBy(o => o.Hours)
            .ThenByDescending(TotalStock)
            .ThenBy(o => o.FulfillmentCenter, StringComparer.Ordinal)
            .FirstOrDefault();
        if (single is not null)
        {
            return new AllocationPlan(
                lines.Select(l => new PlannedAllocation(l.LineNumber, l.Fnsku, single.FulfillmentCenter, l.Quantity)).ToList(),
                lines.ToDictionary(l => l.LineNumber, _ => 0)
            );
        }

        var remaining = lines.ToDictionary(l => l.LineNumber, l => l.Quantity);
        var left = options.ToDictionary(
            o => o.FulfillmentCenter,
            o =>
                lines
                    .Select(l => l.Fnsku)
                    .Distinct(StringComparer.Ordinal)
                    .ToDictionary(f => f, f => Stock(f, o.FulfillmentCenter), StringComparer.Ordinal),
            StringComparer.Ordinal
        );
        var allocations = new List<PlannedAllocation>();
        var unused = options.ToList();

        int Covers(ShippingOption o)
        {
            var stock = new Dictionary<string, int>(left[o.FulfillmentCenter], StringComparer.Ordinal);
            var covered = 0;
            foreach (var line in lines)
            {
                var take = Math.Min(remaining[line.LineNumber], stock[line.Fnsku]);
                stock[line.Fnsku] -= take;
                covered += take;
            }

            return covered;
        }

        while (remaining.Values.Any(q => q > 0) && unused.Count > 0)
        {
            var best = unused
                .Select(o => (Option: o, Covers: Covers(o)))
                .OrderByDescending(x => x.Covers)
                .ThenBy(x => x.Option.Hours)
                .ThenByDescending(x => TotalStock(x.Option))
                .ThenBy(x => x.Option.FulfillmentCenter, StringComparer.Ordinal)
                .First();
            if (best.Covers == 0)
            {
                break;
            }

            unused.Remove(best.Option);
            var stock = left[best.Option.FulfillmentCenter];
            foreach (var line in lines)
            {
                var take = Math.Min(remaining[line.LineNumber], stock[line.Fnsku]);
                if (take > 0)
                {
                    allocations.Add(new PlannedAllocation(line.LineNumber, line.Fnsku, best.Option.FulfillmentCenter, take));
                    remaining[line.LineNumber] -= take;
                    stock[line.Fnsku] -= take;
                }
            }
        }

        return new AllocationPlan(allocations, remaining);
    }
}

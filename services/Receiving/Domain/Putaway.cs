namespace InventoryPlatform.Receiving.Domain;

public static class Putaway
{
    /// <summary>
    /// Assigns each unit a bin. Fast movers (recent sales of at least <paramref name="fastMoverUnitsPerDay"/>
    /// a day at this FC) go to the nearest bin with room, the fastest first, so pickers walk least for what sells
    /// most; slow movers go to the farthest bin with room, keeping the near bins free for fast ones. A bin never
    /// holds more volume than its capacity; a unit no bin has room for gets none (it waits at the dock).
    /// </summary>
    public static PutawayPlan Assign(
        IReadOnlyList<UnitToStow> units,
        IReadOnlyList<BinSpace> bins,
        IReadOnlyDictionary<string, decimal> unitsPerDay,
        decimal fastMoverUnitsPerDay
    )
    {
        decimal Velocity(string fnsku) => unitsPerDay.TryGetValue(fnsku, out var v) ? v : 0;

        var byDistance = bins.OrderBy(b => b.PickFaceDistanceMeters).ThenBy(b => b.BinId, StringComparer.Ordinal).ToList();
        var used = byDistance.ToDictionary(b => b.BinId, b => b.UsedCubicFeet, StringComparer.Ordinal);
        var assigned = new Dictionary<string, string?>(StringComparer.Ordinal);

        // Fastest first, so when near bins run out it is the slower of the fast movers that moves back.
        foreach (
            var unit in units
                .OrderByDescending(u => Velocity(u.Fnsku))
                .ThenBy(u => u.Fnsku, StringComparer.Ordinal)
                .ThenBy(u => u.UnitId, StringComparer.Ordinal)
        )
        {
            var fast = Velocity(unit.Fnsku) >= fastMoverUnitsPerDay && Velocity(unit.Fnsku) > 0;
            var candidates = fast ? byDistance : Enumerable.Reverse(byDistance);
            var bin = candidates.FirstOrDefault(b => b.CapacityCubicFeet - used[b.BinId] >= unit.CubicFeet);
            if (bin is not null)
            {
                used[bin.BinId] += unit.CubicFeet;
            }

            assigned[unit.UnitId] = bin?.BinId;
        }

        return new PutawayPlan(
            units.Select(u => (u.UnitId, assigned[u.UnitId])).ToList(),
            byDistance.Select(b => b with { UsedCubicFeet = used[b.BinId] }).ToList()
        );
    }

    /// <summary>The rules a bin configuration must satisfy; each broken rule names the field.</summary>
    public static IEnumerable<(string Field, string Reason)> CheckBins(
        IReadOnlyList<(string? BinId, string? Zone, decimal? Distance, decimal? Capacity)>? bins
    )
    {
        if (bins is null || bins.Count == 0)
        {
            yield return ("bins", "At least one bin is required.");
            yield break;
        }

        if (bins.Count > 1000)
        {
            yield return ("bins", "At most 1000 bins per request.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bins.Count; i++)
        {
            var (binId, zone, distance, capacity) = bins[i];
            if (string.IsNullOrWhiteSpace(binId) || binId.Length > 32 || !binId.All(c => c is >= '!' and <= '~'))
            {
                yield return ($"bins[{i}].binId", "Is required: printable ASCII, at most 32 characters.");
            }
            else if (!seen.Add(binId))
            {
                yield return ($"bins[{i}].binId", "Appears more than once.");
            }

            if (string.IsNullOrWhiteSpace(zone) || zone.Length > 20)
            {
                yield return ($"bins[{i}].zone", "Is required, at most 20 characters.");
            }

            if (distance is null or < 0 or > 100_000)
            {
                yield return ($"bins[{i}].pickFaceDistanceMeters", "Is required: 0 to 100,000 meters.");
            }

            if (capacity is null or <= 0 or > 100_000)
            {
                yield return ($"bins[{i}].capacityCubicFeet", "Is required: more than 0 and at most 100,000 cubic feet.");
            }
        }
    }
}

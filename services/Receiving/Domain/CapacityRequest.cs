using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Domain;

/// <summary>The storage a planned shipment needs, per storage type, as Limits measures it.</summary>
public static class CapacityRequest
{
    /// <summary>
    /// Cubic feet per storage type: each line's item volume times its expected units, summed per type and
    /// rounded up to 1/10,000 ft³ so the request never understates what arrives. Types without units are left out.
    /// </summary>
    public static IReadOnlyList<StorageVolume> VolumesFor(IEnumerable<(Item Item, int Units)> lines) =>
        lines
            .GroupBy(l => l.Item.StorageType)
            .OrderBy(g => g.Key)
            .Select(g => new StorageVolume(g.Key, Math.Ceiling(g.Sum(l => l.Item.CubicFeet * l.Units) * 10_000m) / 10_000m))
            .Where(v => v.CubicFeet > 0)
            .ToList();
}

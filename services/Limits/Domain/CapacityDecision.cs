using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Domain;

/// <summary>The reservation rule: a shipment is granted when, for every storage type it needs, what is stored plus what is
/// already inbound plus the new shipment fits the seller's limit.</summary>
public static class CapacityDecision
{
    /// <summary>The first storage type (in enum order) the shipment does not fit in, or null when it fits everywhere.</summary>
    public static CapacityShortfall? Check(IEnumerable<StorageVolume> requested, VolumeByType limits, VolumeByType used)
    {
        foreach (var need in requested.GroupBy(v => v.StorageType).OrderBy(g => g.Key))
        {
            var volume = need.Sum(v => v.CubicFeet);
            if (volume <= 0)
            {
                continue;
            }

            if (used[need.Key] + volume > limits[need.Key])
            {
                return new CapacityShortfall(need.Key, limits[need.Key], Math.Round(used[need.Key], 4), volume);
            }
        }

        return null;
    }

    /// <summary>What an inbound reservation still holds: the reserved volume less what has been received of it, never negative.</summary>
    public static decimal Outstanding(decimal reserved, decimal received) => Math.Max(0m, reserved - received);
}

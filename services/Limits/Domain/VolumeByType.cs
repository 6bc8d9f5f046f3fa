using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Domain;

/// <summary>Cubic feet per storage type; the unit every capacity figure of this service is counted in.</summary>
public sealed class VolumeByType
{
    private readonly Dictionary<StorageType, decimal> _volumes = [];

    public static IReadOnlyList<StorageType> AllTypes { get; } = Enum.GetValues<StorageType>();

    public decimal this[StorageType type]
    {
        get => _volumes.GetValueOrDefault(type);
        set => _volumes[type] = value;
    }

    public void Add(StorageType type, decimal cubicFeet) => _volumes[type] = this[type] + cubicFeet;
}

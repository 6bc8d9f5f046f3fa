using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Limits.Domain;

/// <summary>How much storage a unit takes, in the cubic feet that limits and FC capacities are measured in.</summary>
public static class UnitVolume
{
    /// <summary>Cubic centimetres in one cubic foot (30.48³).</summary>
    public const decimal CubicCentimetresPerCubicFoot = 28_316.846592m;

    public static decimal CubicFeetOf(Dimensions dimensions) =>
        dimensions.LengthCm * dimensions.WidthCm * dimensions.HeightCm / CubicCentimetresPerCubicFoot;
}

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

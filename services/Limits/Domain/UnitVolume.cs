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

using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Liquidation.Domain;

/// <summary>What one unit of an FNSKU occupies and is worth; from ItemRegistered and the sales seen.</summary>
public sealed record ItemProfile(
    StorageType StorageType,
    decimal CubicFeetPerUnit,
    decimal WeightLbPerUnit,
    decimal ListPrice,
    decimal AverageSellingPrice,
    string Currency
)
{
    private const decimal CubicCentimetresPerCubicFoot = 28_316.846592m;
    private const decimal PoundsPerKilogram = 2.20462262m;

    public static ItemProfile From(
        StorageType storageType,
        Dimensions dimensions,
        decimal listPrice,
        decimal? averageSellingPrice,
        string currency
    ) =>
        new(
            storageType,
            Math.Round(dimensions.LengthCm * dimensions.WidthCm * dimensions.HeightCm / CubicCentimetresPerCubicFoot, 4),
            Math.Round(dimensions.WeightKg * PoundsPerKilogram, 4),
            listPrice,
            averageSellingPrice is > 0 ? averageSellingPrice.Value : listPrice,
            currency
        );
}

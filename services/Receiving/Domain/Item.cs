using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Domain;

/// <summary>A product a seller registered for fulfilment, known across the network by its FNSKU.</summary>
public sealed record Item(
    string Fnsku,
    string SellerId,
    string SellerSku,
    string Title,
    StorageType StorageType,
    Dimensions Dimensions,
    Money ListPrice
)
{
    /// <summary>Volume in cubic feet (capacity limits and bins are measured in it).</summary>
    public decimal CubicFeet => Dimensions.LengthCm * Dimensions.WidthCm * Dimensions.HeightCm / 28_316.846592m;
}

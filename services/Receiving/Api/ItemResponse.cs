using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Api;

public sealed record ItemResponse(
    string Fnsku,
    string SellerSku,
    string Title,
    StorageType StorageType,
    Dimensions Dimensions,
    Money ListPrice
)
{
    public static ItemResponse From(Item item) =>
        new(item.Fnsku, item.SellerSku, item.Title, item.StorageType, item.Dimensions, item.ListPrice);
}

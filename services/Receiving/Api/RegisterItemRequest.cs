using InventoryPlatform.Contracts.V1;

namespace InventoryPlatform.Receiving.Api;

public sealed record RegisterItemRequest(
    string? SellerSku,
    string? Title,
    StorageType? StorageType,
    Dimensions? Dimensions,
    Money? ListPrice
);

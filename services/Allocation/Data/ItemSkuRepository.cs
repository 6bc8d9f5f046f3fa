using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

/// <summary>
/// Each FNSKU's seller SKU, projected from Receiving's ItemRegistered (<c>allocation.item_skus</c>), so stock can be asked
/// for by the seller's own SKU.
/// </summary>
public sealed class ItemSkuRepository(Database database)
{
    private readonly string _upsert = database.Dialect.Upsert(
        "allocation.item_skus",
        ["seller_id", "fnsku"],
        ["seller_id", "fnsku", "seller_sku", "registered_at"],
        ["seller_sku"]
    );

    /// <summary>Records (or repeats) the FNSKU's seller SKU; a redelivered event writes the same row again.</summary>
    public Task SaveAsync(UnitOfWork unit, string sellerId, string fnsku, string sellerSku, DateTime registeredAt) =>
        unit.ExecuteAsync(
            _upsert,
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                SellerSku = sellerSku,
                RegisteredAt = registeredAt,
            }
        );
}

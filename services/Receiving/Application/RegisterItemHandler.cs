using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Primitives;
using InventoryPlatform.Receiving.Data;
using InventoryPlatform.Receiving.Domain;

namespace InventoryPlatform.Receiving.Application;

/// <summary>
/// Registers a seller's product under a new FNSKU, or updates the item its seller SKU already has; a change publishes
/// <see cref="ItemRegistered"/> through the outbox in the same transaction, a registration that changes nothing publishes nothing.
/// </summary>
public sealed class RegisterItemHandler(Database database, ItemRepository items, Outbox outbox, TimeProvider time)
{
    public Task<RegisteredItem> HandleAsync(
        string sellerId,
        string sellerSku,
        string title,
        StorageType storageType,
        Dimensions dimensions,
        Money listPrice,
        Guid correlationId,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            async unit =>
            {
                var now = time.GetUtcNow();
                var existing = await items.FindBySkuAsync(unit, sellerId, sellerSku);
                var item = new Item(existing?.Fnsku ?? Fnsku.New().Value, sellerId, sellerSku, title, storageType, dimensions, listPrice);
                if (existing == item)
                {
                    return new RegisteredItem(item, false);
                }

                if (existing is null)
                {
                    await items.InsertAsync(unit, item, now.UtcDateTime);
                }
                else
                {
                    await items.UpdateAsync(unit, item, now.UtcDateTime);
                }

                await outbox.AddAsync(
                    unit,
                    new ItemRegistered(
                        Guid.CreateVersion7(),
                        now,
                        sellerId,
                        correlationId,
                        item.Fnsku,
                        item.SellerSku,
                        item.Title,
                        item.StorageType,
                        item.Dimensions,
                        item.ListPrice,
                        IsUpdate: existing is not null
                    )
                );
                return new RegisteredItem(item, existing is null);
            },
            cancellationToken
        );
}

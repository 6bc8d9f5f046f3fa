using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Data;
using MassTransit;

namespace InventoryPlatform.Receiving.Messaging;

/// <summary>
/// An approved markdown is the item's new list price: the catalogue changes and, as any item change does, publishes
/// <see cref="ItemRegistered"/> so every service that prices the item sees it.
/// </summary>
public sealed class MarkdownApprovedConsumer(Database database, Inbox inbox, ItemRepository items, Outbox outbox, TimeProvider time)
    : InboxConsumer<MarkdownApproved>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<MarkdownApproved> context, UnitOfWork unit)
    {
        var markdown = context.Message;
        if (!(await items.FindManyAsync(unit, markdown.SellerId, [markdown.Fnsku])).TryGetValue(markdown.Fnsku, out var item))
        {
            // Not an item of this seller's catalogue (never registered here): there is no price to change.
            return;
        }

        var repriced = item with { ListPrice = markdown.NewPrice };
        if (repriced == item)
        {
            return;
        }

        var now = time.GetUtcNow();
        await items.UpdateAsync(unit, repriced, now.UtcDateTime);
        await outbox.AddAsync(
            unit,
            new ItemRegistered(
                Guid.CreateVersion7(),
                now,
                repriced.SellerId,
                markdown.CorrelationId,
                repriced.Fnsku,
                repriced.SellerSku,
                repriced.Title,
                repriced.StorageType,
                repriced.Dimensions,
                repriced.ListPrice,
                IsUpdate: true
            )
        );
    }
}

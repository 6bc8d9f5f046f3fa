using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>Learns each FNSKU's seller SKU, so that stock can be listed by the seller's SKU.</summary>
public sealed class ItemRegisteredConsumer(Database database, Inbox inbox, ItemSkuRepository skus)
    : InboxConsumer<ItemRegistered>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<ItemRegistered> context, UnitOfWork unit)
    {
        var item = context.Message;
        return skus.SaveAsync(unit, item.SellerId, item.Fnsku, item.SellerSku, item.OccurredAt.UtcDateTime);
    }
}

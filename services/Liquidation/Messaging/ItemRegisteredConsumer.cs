using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>Size, weight, storage type and price of an item: what holding it costs and what it is worth.</summary>
public sealed class ItemRegisteredConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<ItemRegistered>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<ItemRegistered> context, UnitOfWork unit)
    {
        var item = context.Message;
        return stock.UpsertItemAsync(
            unit,
            item.SellerId,
            new ItemRecord(item.Fnsku, item.StorageType, item.Dimensions, item.ListPrice.Amount, item.ListPrice.Currency),
            item.OccurredAt
        );
    }
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>Returned units back on the shelf age again from their restocking.</summary>
public sealed class ReturnRestockedConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<ReturnRestocked>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<ReturnRestocked> context, UnitOfWork unit)
    {
        var restocked = context.Message;
        return stock.AddLotAsync(
            unit,
            restocked.SellerId,
            restocked.Fnsku,
            restocked.FulfillmentCenter,
            StockKind.Sellable,
            restocked.OccurredAt,
            restocked.Quantity,
            $"return:{restocked.ReturnId}"
        );
    }
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>Unsellable returns are unfulfillable stock: candidates for removal to the seller or disposal.</summary>
public sealed class UnsellableReturnReceivedConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<UnsellableReturnReceived>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<UnsellableReturnReceived> context, UnitOfWork unit)
    {
        var returned = context.Message;
        return stock.AddLotAsync(
            unit,
            returned.SellerId,
            returned.Fnsku,
            returned.FulfillmentCenter,
            StockKind.Unfulfillable,
            returned.OccurredAt,
            returned.Quantity,
            $"return:{returned.ReturnId}:{returned.Grade}"
        );
    }
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>
/// Units liquidated, removed or disposed of by anyone else leave their lots oldest first, from unfulfillable or sellable
/// stock as the event says. This service's own orders took their units off when they completed; their events coming
/// back change nothing.
/// </summary>
public sealed class InventoryRemovedConsumer(Database database, Inbox inbox, StockRepository stock, RemovalOrderRepository orders)
    : InboxConsumer<InventoryRemoved>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<InventoryRemoved> context, UnitOfWork unit)
    {
        var removed = context.Message;
        if (await orders.ExistsAsync(unit, removed.RemovalOrderId))
        {
            return;
        }

        await stock.ConsumeFifoAsync(
            unit,
            removed.SellerId,
            removed.Fnsku,
            removed.FulfillmentCenter,
            removed.FromUnfulfillable ? StockKind.Unfulfillable : StockKind.Sellable,
            removed.Quantity
        );
    }
}

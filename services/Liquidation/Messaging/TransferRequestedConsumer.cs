using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>
/// A transfer takes the source's oldest sellable lots (first in, first out) and puts them in transit to the destination,
/// keeping their receipt dates: units moved between FCs are as old as they were, and count at the destination as the
/// ledger counts them.
/// </summary>
public sealed class TransferRequestedConsumer(
    Database database,
    Inbox inbox,
    StockRepository stock,
    ILogger<TransferRequestedConsumer> logger
) : InboxConsumer<TransferRequested>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<TransferRequested> context, UnitOfWork unit)
    {
        var transfer = context.Message;
        var shortfall = await stock.MoveFifoAsync(
            unit,
            transfer.SellerId,
            transfer.Fnsku,
            transfer.FromFulfillmentCenter,
            transfer.ToFulfillmentCenter,
            transfer.TransferId,
            transfer.Quantity
        );
        if (shortfall > 0)
        {
            // Stock received before this service tracked it has no lot to move.
            logger.LogInformation(
                "{Shortfall} transferred units of {Fnsku} at {FulfillmentCenter} had no tracked lot.",
                shortfall,
                transfer.Fnsku,
                transfer.FromFulfillmentCenter
            );
        }
    }
}

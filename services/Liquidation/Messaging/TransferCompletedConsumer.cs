using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>A transfer arrived: the lots it moved are on the destination's shelf, sellable and removable from there.</summary>
public sealed class TransferCompletedConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<TransferCompleted>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<TransferCompleted> context, UnitOfWork unit) =>
        stock.ArriveAsync(unit, context.Message.TransferId, context.Message.OccurredAt);
}

using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>A cancelled removal order releases the units it held; they are available again and fill backorders first.</summary>
public sealed class RemovalOrderCancelledConsumer(Database database, Inbox inbox, RemovalHolds holds, BackorderFiller backorders)
    : InboxConsumer<RemovalOrderCancelled>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<RemovalOrderCancelled> context, UnitOfWork unit)
    {
        var cancelled = context.Message;
        if (await holds.CancelAsync(unit, cancelled))
        {
            await backorders.FillAsync(unit, cancelled.SellerId, cancelled.Fnsku, cancelled.CorrelationId);
        }
    }
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Application;
using MassTransit;

namespace InventoryPlatform.Receiving.Messaging;

/// <summary>Units transferred out of an FC leave its bins (they are put away again, if at all, where they arrive).</summary>
public sealed class TransferRequestedConsumer(Database database, Inbox inbox, BinRelease bins)
    : InboxConsumer<TransferRequested>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<TransferRequested> context, UnitOfWork unit)
    {
        var transfer = context.Message;
        return bins.FreeAsync(unit, transfer.SellerId, transfer.Fnsku, transfer.FromFulfillmentCenter, transfer.Quantity);
    }
}

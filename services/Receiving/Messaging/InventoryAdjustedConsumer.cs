using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Application;
using MassTransit;

namespace InventoryPlatform.Receiving.Messaging;

/// <summary>
/// A count that found fewer units (lost, damaged in the warehouse) frees their space: from the counted bin first when the
/// count was of a bin. Units found are not put away again here; they stay where the count found them.
/// </summary>
public sealed class InventoryAdjustedConsumer(Database database, Inbox inbox, BinRelease bins)
    : InboxConsumer<InventoryAdjusted>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<InventoryAdjusted> context, UnitOfWork unit)
    {
        var adjusted = context.Message;
        if (adjusted.Quantity < 0)
        {
            await bins.FreeAsync(unit, adjusted.SellerId, adjusted.Fnsku, adjusted.FulfillmentCenter, -adjusted.Quantity, adjusted.Bin);
        }
    }
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Application;
using MassTransit;

namespace InventoryPlatform.Receiving.Messaging;

/// <summary>
/// Sellable units liquidated, removed or disposed of leave their bins. Unfulfillable units were never put away (damaged
/// units go to the damage area), so their removal frees no bin.
/// </summary>
public sealed class InventoryRemovedConsumer(Database database, Inbox inbox, BinRelease bins)
    : InboxConsumer<InventoryRemoved>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<InventoryRemoved> context, UnitOfWork unit)
    {
        var removed = context.Message;
        if (!removed.FromUnfulfillable)
        {
            await bins.FreeAsync(unit, removed.SellerId, removed.Fnsku, removed.FulfillmentCenter, removed.Quantity);
        }
    }
}

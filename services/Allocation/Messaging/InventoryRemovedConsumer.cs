using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>
/// Units liquidated, removed to the seller or disposed of leave the ledger: from unfulfillable, or from on hand consuming the
/// removal order's hold (pending removal) first. Removing sellable units that are promised to orders is refused by the ledger
/// (it never oversells); the message then goes to the error queue after its retries, kept for operations, rather than dropped.
/// </summary>
public sealed class InventoryRemovedConsumer(Database database, Inbox inbox, RemovalHolds holds, BackorderFiller backorders)
    : InboxConsumer<InventoryRemoved>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<InventoryRemoved> context, UnitOfWork unit)
    {
        var removed = context.Message;
        if (await holds.RemoveAsync(unit, removed))
        {
            await backorders.FillAsync(unit, removed.SellerId, removed.Fnsku, removed.CorrelationId);
        }
    }
}

using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>
/// Units liquidated, removed to the seller or disposed of leave the ledger: from unfulfillable or from on hand.
/// Removing sellable units that are promised to orders is refused by the ledger (it never oversells); the message
/// then goes to the error queue after its retries, kept for operations, rather than being dropped.
/// </summary>
public sealed class InventoryRemovedConsumer(Database database, Inbox inbox, LedgerPosting ledger)
    : InboxConsumer<InventoryRemoved>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<InventoryRemoved> context, UnitOfWork unit)
    {
        var removed = context.Message;
        var bucket = removed.FromUnfulfillable ? StockBucket.Unfulfillable : StockBucket.OnHand;
        return ledger.PostAsync(
            unit,
            new StockKey(removed.SellerId, removed.Fnsku, removed.FulfillmentCenter),
            [new StockMovement(bucket, -removed.Quantity, $"Removed{removed.Reason}", $"removal:{removed.RemovalOrderId}")],
            removed.CorrelationId
        );
    }
}

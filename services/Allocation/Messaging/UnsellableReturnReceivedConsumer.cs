using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>Returned units that cannot be sold again are counted as unfulfillable stock at the FC that holds them.</summary>
public sealed class UnsellableReturnReceivedConsumer(Database database, Inbox inbox, LedgerPosting ledger)
    : InboxConsumer<UnsellableReturnReceived>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<UnsellableReturnReceived> context, UnitOfWork unit)
    {
        var received = context.Message;
        return ledger.PostAsync(
            unit,
            new StockKey(received.SellerId, received.Fnsku, received.FulfillmentCenter),
            [new StockMovement(StockBucket.Unfulfillable, received.Quantity, "ReturnUnsellable", $"return:{received.ReturnId}")],
            received.CorrelationId
        );
    }
}

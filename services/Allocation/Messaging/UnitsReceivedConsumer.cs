using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>Units scanned at a dock go on the ledger: sellable ones on hand, damaged ones unfulfillable.</summary>
public sealed class UnitsReceivedConsumer(Database database, Inbox inbox, LedgerPosting ledger)
    : InboxConsumer<UnitsReceived>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<UnitsReceived> context, UnitOfWork unit)
    {
        var received = context.Message;
        var movement =
            received.Condition == UnitCondition.Sellable
                ? new StockMovement(StockBucket.OnHand, received.Quantity, "Received", $"shipment:{received.ShipmentId}")
                : new StockMovement(StockBucket.Unfulfillable, received.Quantity, "ReceivedDamaged", $"shipment:{received.ShipmentId}");

        // Adding units can only be refused on corrupt input; the exception lets retries and the error queue keep the message.
        return ledger.PostAsync(
            unit,
            new StockKey(received.SellerId, received.Fnsku, received.FulfillmentCenter),
            [movement],
            received.CorrelationId
        );
    }
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>
/// Received units start ageing at the moment they were scanned. Damaged ones can never be sold: they become
/// unfulfillable stock, a removal or disposal candidate.
/// </summary>
public sealed class UnitsReceivedConsumer(Database database, Inbox inbox, StockRepository stock)
    : InboxConsumer<UnitsReceived>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<UnitsReceived> context, UnitOfWork unit)
    {
        var received = context.Message;
        var kind = received.Condition == UnitCondition.Sellable ? StockKind.Sellable : StockKind.Unfulfillable;
        return stock.AddLotAsync(
            unit,
            received.SellerId,
            received.Fnsku,
            received.FulfillmentCenter,
            kind,
            received.OccurredAt,
            received.Quantity,
            $"shipment:{received.ShipmentId}"
        );
    }
}

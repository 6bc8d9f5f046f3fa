using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>A cancelled shipment's units are no longer inbound.</summary>
public sealed class InboundShipmentCancelledConsumer(Database database, Inbox inbox, InboundPosting inbound)
    : InboxConsumer<InboundShipmentCancelled>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<InboundShipmentCancelled> context, UnitOfWork unit)
    {
        var cancelled = context.Message;
        return inbound.ClearAsync(
            unit,
            cancelled.ShipmentId,
            cancelled.SellerId,
            cancelled.FulfillmentCenter,
            cancelled.CorrelationId,
            "InboundCancelled"
        );
    }
}

using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>A closed shipment's units that never arrived are no longer inbound.</summary>
public sealed class InboundShipmentClosedConsumer(Database database, Inbox inbox, InboundPosting inbound)
    : InboxConsumer<InboundShipmentClosed>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<InboundShipmentClosed> context, UnitOfWork unit)
    {
        var closed = context.Message;
        return inbound.ClearAsync(
            unit,
            closed.ShipmentId,
            closed.SellerId,
            closed.FulfillmentCenter,
            closed.CorrelationId,
            "InboundClosed"
        );
    }
}

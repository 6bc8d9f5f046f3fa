using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>A shipped ASN's expected units are counted inbound at its FC (less any already scanned).</summary>
public sealed class InboundShipmentShippedConsumer(Database database, Inbox inbox, InboundPosting inbound)
    : InboxConsumer<InboundShipmentShipped>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<InboundShipmentShipped> context, UnitOfWork unit) =>
        inbound.ShippedAsync(unit, context.Message);
}

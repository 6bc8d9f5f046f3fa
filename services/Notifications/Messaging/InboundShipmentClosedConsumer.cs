using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues inbound.closed (expected against received, per line) for the seller's matching subscriptions.</summary>
public sealed class InboundShipmentClosedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<InboundShipmentClosed>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<InboundShipmentClosed> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

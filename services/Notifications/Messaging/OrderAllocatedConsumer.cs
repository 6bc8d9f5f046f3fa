using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues order.allocated and/or order.backordered for the seller's matching subscriptions.</summary>
public sealed class OrderAllocatedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<OrderAllocated>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<OrderAllocated> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

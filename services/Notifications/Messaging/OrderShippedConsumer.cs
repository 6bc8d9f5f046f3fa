using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues order.shipped for the seller's matching subscriptions.</summary>
public sealed class OrderShippedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<OrderShipped>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<OrderShipped> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

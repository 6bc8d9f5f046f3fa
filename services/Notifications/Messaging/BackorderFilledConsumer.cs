using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues order.backorder_filled for the seller's matching subscriptions.</summary>
public sealed class BackorderFilledConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<BackorderFilled>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<BackorderFilled> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

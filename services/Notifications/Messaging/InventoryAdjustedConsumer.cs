using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues inventory.adjusted for the seller's matching subscriptions.</summary>
public sealed class InventoryAdjustedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<InventoryAdjusted>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<InventoryAdjusted> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

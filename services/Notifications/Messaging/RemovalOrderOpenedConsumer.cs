using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues removal.opened for the seller's matching subscriptions.</summary>
public sealed class RemovalOrderOpenedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<RemovalOrderOpened>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<RemovalOrderOpened> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues restock.cleared for the seller's matching subscriptions.</summary>
public sealed class RestockAlertClearedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<RestockAlertCleared>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<RestockAlertCleared> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

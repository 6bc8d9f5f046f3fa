using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues return.restocked for the seller's matching subscriptions.</summary>
public sealed class ReturnRestockedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<ReturnRestocked>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<ReturnRestocked> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues return.graded for the seller's matching subscriptions.</summary>
public sealed class ReturnDispositionDecidedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<ReturnDispositionDecided>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<ReturnDispositionDecided> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues reimbursement.created for the seller's matching subscriptions.</summary>
public sealed class ReimbursementCreatedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<ReimbursementCreated>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<ReimbursementCreated> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

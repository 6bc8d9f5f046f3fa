using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues capacity.limits_updated for the seller's matching subscriptions.</summary>
public sealed class CapacityLimitsUpdatedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<CapacityLimitsUpdated>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<CapacityLimitsUpdated> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

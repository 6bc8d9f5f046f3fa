using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues capacity.over_limit for the seller's matching subscriptions.</summary>
public sealed class StorageLimitExceededConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<StorageLimitExceeded>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<StorageLimitExceeded> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

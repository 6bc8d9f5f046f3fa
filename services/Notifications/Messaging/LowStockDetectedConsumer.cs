using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues stock.low for the seller's matching subscriptions.</summary>
public sealed class LowStockDetectedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<LowStockDetected>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<LowStockDetected> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

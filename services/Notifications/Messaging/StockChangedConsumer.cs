using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>
/// Queues stock.changed (opt-in; a newer change of the same FNSKU and FC replaces an unsent one) for the seller's matching
/// subscriptions.
/// </summary>
public sealed class StockChangedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<StockChanged>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<StockChanged> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues liquidation.recommended for the seller's matching subscriptions.</summary>
public sealed class LiquidationRecommendedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<LiquidationRecommended>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<LiquidationRecommended> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

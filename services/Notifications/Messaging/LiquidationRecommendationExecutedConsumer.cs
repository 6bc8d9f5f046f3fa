using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues liquidation.executed for the seller's matching subscriptions.</summary>
public sealed class LiquidationRecommendationExecutedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<LiquidationRecommendationExecuted>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<LiquidationRecommendationExecuted> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Domain;
using MassTransit;

namespace InventoryPlatform.Notifications.Messaging;

/// <summary>Queues markdown.recommended for the seller's matching subscriptions.</summary>
public sealed class PriceMarkdownRecommendedConsumer(Database database, Inbox inbox, PartnerEventRecorder recorder)
    : InboxConsumer<PriceMarkdownRecommended>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<PriceMarkdownRecommended> context, UnitOfWork unit) =>
        recorder.RecordAsync(unit, PartnerEvents.From(context.Message));
}

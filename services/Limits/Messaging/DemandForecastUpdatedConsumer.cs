using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>The latest forecast per FNSKU: stock beyond its demand over the cover horizon is excess.</summary>
public sealed class DemandForecastUpdatedConsumer(Database database, Inbox inbox, ActivityRepository activity)
    : InboxConsumer<DemandForecastUpdated>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<DemandForecastUpdated> context, UnitOfWork unit) =>
        activity.SaveForecastAsync(unit, context.Message);
}

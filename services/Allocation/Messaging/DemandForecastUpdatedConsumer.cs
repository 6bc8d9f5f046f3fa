using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>Keeps the latest regional split of each FNSKU's forecast demand, for placement advice and rebalancing.</summary>
public sealed class DemandForecastUpdatedConsumer(Database database, Inbox inbox, DemandRepository demand)
    : InboxConsumer<DemandForecastUpdated>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<DemandForecastUpdated> context, UnitOfWork unit)
    {
        var forecast = context.Message;
        return demand.SaveForecastAsync(
            unit,
            forecast.SellerId,
            forecast.Fnsku,
            forecast.Regions.GroupBy(r => r.Region).Select(g => new RegionalDemandRate(g.Key, g.Sum(r => r.DailyUnitsP50))).ToList(),
            forecast.OccurredAt.UtcDateTime
        );
    }
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>Usage follows stock: keeps the newest balance per FC and the day's snapshot of each FNSKU for the KPI series.</summary>
public sealed class StockChangedConsumer(Database database, Inbox inbox, UsageRepository usage)
    : InboxConsumer<StockChanged>(database, inbox)
{
    protected override Task HandleAsync(ConsumeContext<StockChanged> context, UnitOfWork unit)
        => usage.ApplyStockAsync(unit, context.Message);
}

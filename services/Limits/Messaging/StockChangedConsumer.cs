using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>Usage follows stock: keeps the newest balance per FC and the day's snapshot of each FNSKU for the KPI series.</summary>
public sealed class StockChangedConsumer(Database database, Inbox inbox, UsageRepository usage, SellerAccounts accounts)
    : InboxConsumer<StockChanged>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<StockChanged> context, UnitOfWork unit)
    {
        // Stock of an FNSKU Limits never saw registered is still the seller's (stranded): the seller must exist to report it.
        await accounts.EnsureAsync(unit, context.Message.SellerId, context.Message.CorrelationId);
        await usage.ApplyStockAsync(unit, context.Message);
    }
}

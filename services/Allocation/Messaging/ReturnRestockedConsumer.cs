using InventoryPlatform.Allocation.Application;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Allocation.Messaging;

/// <summary>Returned units graded sellable are back on the shelf: on hand again, promisable to orders, filling backorders first.</summary>
public sealed class ReturnRestockedConsumer(Database database, Inbox inbox, LedgerPosting ledger, BackorderFiller backorders)
    : InboxConsumer<ReturnRestocked>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<ReturnRestocked> context, UnitOfWork unit)
    {
        var restocked = context.Message;
        await ledger.PostAsync(
            unit,
            new StockKey(restocked.SellerId, restocked.Fnsku, restocked.FulfillmentCenter),
            [new StockMovement(StockBucket.OnHand, restocked.Quantity, "ReturnRestocked", $"return:{restocked.ReturnId}")],
            restocked.CorrelationId
        );
        await backorders.FillAsync(unit, restocked.SellerId, restocked.Fnsku, restocked.CorrelationId);
    }
}

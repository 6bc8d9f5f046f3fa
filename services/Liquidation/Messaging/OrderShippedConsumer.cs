using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Liquidation.Messaging;

/// <summary>Shipped units leave their FC oldest first, and count as sales for demand and the average selling price.</summary>
public sealed class OrderShippedConsumer(Database database, Inbox inbox, StockRepository stock, ILogger<OrderShippedConsumer> logger)
    : InboxConsumer<OrderShipped>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<OrderShipped> context, UnitOfWork unit)
    {
        var shipped = context.Message;
        foreach (var line in shipped.Lines.GroupBy(l => l.Fnsku, StringComparer.Ordinal))
        {
            var units = line.Sum(l => l.Quantity);
            var shortfall = await stock.ConsumeFifoAsync(
                unit,
                shipped.SellerId,
                line.Key,
                shipped.FulfillmentCenter,
                StockKind.Sellable,
                units
            );
            if (shortfall > 0)
            {
                // Stock received before this service tracked it has no lot; the sale still counts.
                logger.LogInformation(
                    "{Shortfall} shipped units of {Fnsku} at {FulfillmentCenter} had no tracked lot.",
                    shortfall,
                    line.Key,
                    shipped.FulfillmentCenter
                );
            }

            await stock.RecordSaleAsync(
                unit,
                shipped.SellerId,
                line.Key,
                shipped.OccurredAt,
                units,
                line.Sum(l => l.Quantity * l.UnitPrice.Amount)
            );
        }
    }
}

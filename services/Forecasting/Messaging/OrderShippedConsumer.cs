using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Messaging;
using MassTransit;

namespace InventoryPlatform.Forecasting.Messaging;

/// <summary>Shipped units become daily sales per (FNSKU, ship-to region): the history every forecast is made from.</summary>
public sealed class OrderShippedConsumer(Database database, Inbox inbox, SalesRepository sales)
    : InboxConsumer<OrderShipped>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<OrderShipped> context, UnitOfWork unit)
    {
        var shipped = context.Message;
        var day = DateOnly.FromDateTime(shipped.OccurredAt.UtcDateTime);
        foreach (var line in shipped.Lines.GroupBy(l => l.Fnsku, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await sales.RegisterAsync(unit, shipped.SellerId, line.Key, shipped.Marketplace, shipped.OccurredAt.UtcDateTime);
            await sales.AddSaleAsync(unit, shipped.SellerId, line.Key, shipped.ShipToRegion, day, line.Sum(l => l.Quantity));
        }
    }
}

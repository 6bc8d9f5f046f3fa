using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Api;
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

/// <summary>
/// Keeps available (on hand − reserved) and inbound (inbound + in transit) per FC, and re-evaluates the FNSKU's restock
/// decision at once, so the alert is raised when stock crosses the reorder point rather than at the next refresh.
/// </summary>
public sealed class StockChangedConsumer(Database database, Inbox inbox, SalesRepository sales, ReplenishmentDesk replenishment)
    : InboxConsumer<StockChanged>(database, inbox)
{
    protected override async Task HandleAsync(ConsumeContext<StockChanged> context, UnitOfWork unit)
    {
        var stock = context.Message;
        var applied = await sales.RecordStockAsync(
            unit, stock.SellerId, stock.Fnsku, stock.FulfillmentCenter, stock.OnHand - stock.Reserved, stock.Inbound + stock.InTransit, stock.Version,
            stock.OccurredAt.UtcDateTime);
        if (applied)
        {
            await replenishment.EvaluateAsync(unit, stock.SellerId, stock.Fnsku, stock.CorrelationId);
        }
    }
}

/// <summary>The consumers Forecasting registers on the bus.</summary>
public static class ForecastingConsumers
{
    public static void Register(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<OrderShippedConsumer>();
        bus.AddConsumer<StockChangedConsumer>();
    }
}

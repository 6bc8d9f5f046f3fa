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
public sealed class StockChangedConsumer(InboxBatcher<StockChangedBatch, StockChanged> batcher)
    : BatchedInboxConsumer<StockChangedBatch, StockChanged>(batcher);

public sealed class StockChangedConsumerDefinition(MessagingOptions options)
    : BatchedInboxConsumerDefinition<StockChangedConsumer>(options);

/// <summary>
/// The stock changes consumed together: only each FC's newest version counts (a change carries the FC's whole figures),
/// all are recorded in one round trip, and each FNSKU whose figures moved is re-evaluated once.
/// </summary>
public sealed class StockChangedBatch(SalesRepository sales, ReplenishmentDesk replenishment) : IInboxBatchHandler<StockChanged>
{
    public async Task HandleAsync(IReadOnlyList<StockChanged> messages, UnitOfWork unit)
    {
        var newest = messages
            .GroupBy(m => (m.SellerId, m.Fnsku, m.FulfillmentCenter))
            .Select(g => g.MaxBy(m => m.Version)!)
            .OrderBy(m => m.SellerId, StringComparer.Ordinal)
            .ThenBy(m => m.Fnsku, StringComparer.Ordinal)
            .ThenBy(m => m.FulfillmentCenter, StringComparer.Ordinal)
            .ToList();
        var applied = await sales.RecordStockAsync(
            unit,
            newest
                .Select(m => new StockFigures(
                    m.SellerId,
                    m.Fnsku,
                    m.FulfillmentCenter,
                    m.OnHand - m.Reserved,
                    m.Inbound + m.InTransit,
                    m.Version,
                    m.OccurredAt.UtcDateTime
                ))
                .ToList()
        );
        foreach (var stock in newest.Where((_, i) => applied[i]).DistinctBy(m => (m.SellerId, m.Fnsku)))
        {
            await replenishment.EvaluateAsync(unit, stock.SellerId, stock.Fnsku, stock.CorrelationId);
        }
    }
}

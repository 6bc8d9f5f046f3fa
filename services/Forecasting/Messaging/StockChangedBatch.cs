using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Application;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Forecasting.Messaging;

/// <summary>
/// The stock changes consumed together: only each FC's newest version counts (a change carries the FC's whole figures),
/// all are recorded in one round trip, and each FNSKU whose figures moved is re-evaluated once.
/// </summary>
public sealed class StockChangedBatch(SalesRepository sales, ReplenishmentEvaluator replenishment) : IInboxBatchHandler<StockChanged>
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
                    m.Available,
                    m.Inbound,
                    m.InTransit,
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

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Data;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Limits.Messaging;

/// <summary>
/// The stock changes consumed together, in one transaction. A change carries its FC's whole balance, so of several
/// changes of one FC on one day only the newest counts; the others are applied in (seller, FNSKU) order, so concurrent
/// batches lock FNSKUs in the same order, and in time order within an FNSKU, so each day's snapshot sums the FCs as
/// they stood that day. The writes of different FNSKUs go to the database together.
/// </summary>
public sealed class StockChangedBatch(UsageRepository usage, SellerAccounts accounts) : IInboxBatchHandler<StockChanged>
{
    public async Task HandleAsync(IReadOnlyList<StockChanged> messages, UnitOfWork unit)
    {
        // Stock of an FNSKU Limits never saw registered is still the seller's (stranded): the seller must exist to report it.
        foreach (var seller in messages.DistinctBy(m => m.SellerId).OrderBy(m => m.SellerId, StringComparer.Ordinal))
        {
            await accounts.EnsureAsync(unit, seller.SellerId, seller.CorrelationId);
        }

        var changes = messages
            .GroupBy(m => (m.SellerId, m.Fnsku, m.FulfillmentCenter, Day: Dates.Day(m.OccurredAt)))
            .Select(g => g.MaxBy(m => m.Version)!)
            .OrderBy(m => m.SellerId, StringComparer.Ordinal)
            .ThenBy(m => m.Fnsku, StringComparer.Ordinal)
            .ThenBy(m => m.OccurredAt)
            .ThenBy(m => m.Version);
        var writes = new StatementBatch(unit);
        (string SellerId, string Fnsku)? previous = null;
        foreach (var change in changes)
        {
            if (previous == (change.SellerId, change.Fnsku))
            {
                await writes.ExecuteAsync(); // this change's snapshot must see the previous one's row
            }

            await usage.ApplyStockAsync(writes, change);
            previous = (change.SellerId, change.Fnsku);
        }

        await writes.ExecuteAsync();
    }
}

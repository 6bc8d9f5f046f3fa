using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// Stores imported daily sales, all in one transaction: FNSKUs new to Forecasting are registered in the marketplace given, and
/// a day imported again is replaced.
/// </summary>
public sealed class ImportSalesHistoryHandler(Database database, SalesRepository sales, TimeProvider time)
{
    public async Task<ImportResult> HandleAsync(
        string sellerId,
        string marketplace,
        IReadOnlyList<DailySale> rows,
        CancellationToken cancellationToken
    )
    {
        // The last row of a (FNSKU, region, date) repeated in one import wins, as a later import would.
        var unique = rows.GroupBy(r => (r.Fnsku, r.Region, r.Date)).Select(g => g.Last()).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        await database.InTransactionAsync(
            async unit =>
            {
                foreach (var fnsku in unique.Select(r => r.Fnsku).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    await sales.RegisterAsync(unit, sellerId, fnsku, marketplace, now);
                }

                await sales.ImportAsync(unit, sellerId, unique);
            },
            cancellationToken
        );
        return new ImportResult(
            unique.Count,
            unique.Select(r => r.Fnsku).Distinct(StringComparer.Ordinal).Count(),
            unique.Min(r => (DateOnly?)r.Date),
            unique.Max(r => (DateOnly?)r.Date)
        );
    }
}

using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Liquidation.Data;

/// <summary>
/// What the FIFO lots hold, for reconciliation: sellable lots are the ledger's on hand, those still on a transfer its in
/// transit (at the destination), the others its unfulfillable.
/// </summary>
public sealed class LotUnitCounts(Database database) : IUnitCountSource
{
    public IReadOnlyList<string> Positions { get; } = [StockPositions.OnHand, StockPositions.InTransit, StockPositions.Unfulfillable];

    public async Task<IReadOnlyList<UnitCount>> CountAsync(string sellerId, string? fnsku, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<(string Fnsku, string FulfillmentCenter, string StockKind, int InTransit, int Units)>(
            "SELECT fnsku, fulfillment_center, stock_kind, CASE WHEN transfer_id IS NULL THEN 0 ELSE 1 END AS in_transit, "
                + "CAST(SUM(quantity_remaining) AS integer) AS units FROM liquidation.inventory_lots "
                + "WHERE seller_id = @SellerId AND (@Fnsku IS NULL OR fnsku = @Fnsku) "
                + "GROUP BY fnsku, fulfillment_center, stock_kind, CASE WHEN transfer_id IS NULL THEN 0 ELSE 1 END",
            new { SellerId = sellerId, Fnsku = fnsku },
            cancellationToken
        );
        return rows.Select(r => new UnitCount(
                r.Fnsku,
                r.FulfillmentCenter,
                r.StockKind != nameof(StockKind.Sellable) ? StockPositions.Unfulfillable
                    : r.InTransit == 1 ? StockPositions.InTransit
                    : StockPositions.OnHand,
                r.Units
            ))
            .ToList();
    }
}

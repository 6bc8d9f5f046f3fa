using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Limits.Data;

/// <summary>The ledger balances Limits keeps from StockChanged (its storage usage), for reconciliation.</summary>
public sealed class StockUnitCounts(Database database) : IUnitCountSource
{
    public IReadOnlyList<string> Positions { get; } = [StockPositions.OnHand, StockPositions.Unfulfillable];

    public async Task<IReadOnlyList<UnitCount>> CountAsync(string sellerId, string? fnsku, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<(string Fnsku, string FulfillmentCenter, int OnHand, int Unfulfillable)>(
            "SELECT fnsku, fulfillment_center, on_hand, unfulfillable FROM limits.stock "
                + "WHERE seller_id = @SellerId AND (@Fnsku IS NULL OR fnsku = @Fnsku)",
            new { SellerId = sellerId, Fnsku = fnsku },
            cancellationToken
        );
        return rows.SelectMany(r =>
                new[]
                {
                    new UnitCount(r.Fnsku, r.FulfillmentCenter, StockPositions.OnHand, r.OnHand),
                    new UnitCount(r.Fnsku, r.FulfillmentCenter, StockPositions.Unfulfillable, r.Unfulfillable),
                }
            )
            .ToList();
    }
}

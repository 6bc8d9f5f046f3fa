using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;

namespace InventoryPlatform.Forecasting.Data;

/// <summary>The stock snapshot replenishment works from (available, and inbound with in transit), for reconciliation.</summary>
public sealed class StockUnitCounts(Database database) : IUnitCountSource
{
    public IReadOnlyList<string> Positions { get; } = [StockPositions.Available, StockPositions.InboundAndInTransit];

    public async Task<IReadOnlyList<UnitCount>> CountAsync(string sellerId, string? fnsku, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync<(string Fnsku, string FulfillmentCenter, int Available, int Inbound)>(
            "SELECT fnsku, fulfillment_center, available, inbound + in_transit AS inbound FROM forecasting.stock "
                + "WHERE seller_id = @SellerId AND (@Fnsku IS NULL OR fnsku = @Fnsku)",
            new { SellerId = sellerId, Fnsku = fnsku },
            cancellationToken
        );
        return rows.SelectMany(r =>
                new[]
                {
                    new UnitCount(r.Fnsku, r.FulfillmentCenter, StockPositions.Available, r.Available),
                    new UnitCount(r.Fnsku, r.FulfillmentCenter, StockPositions.InboundAndInTransit, r.Inbound),
                }
            )
            .ToList();
    }
}

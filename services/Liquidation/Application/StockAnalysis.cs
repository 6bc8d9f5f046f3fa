using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Application;

/// <summary>Builds <see cref="FnskuPicture"/>s from Liquidation's projections, for reports and recomputes alike.</summary>
public sealed class StockAnalysis(StockRepository stock, LiquidationSettings settings)
{
    /// <summary>The seller's figures that do not need the lots' locks: items, sales and forecasts.</summary>
    public async Task<SellerFigures> FiguresAsync(string sellerId, DateTimeOffset now, CancellationToken cancellationToken) =>
        new(
            await stock.ItemsAsync(sellerId, cancellationToken),
            await stock.SalesAsync(sellerId, now, settings.SalesLookbackDays, cancellationToken),
            await stock.ForecastsAsync(sellerId, cancellationToken)
        );

    public IReadOnlyList<FnskuPicture> Pictures(IEnumerable<StoredLot> lots, SellerFigures figures, DateTimeOffset now) =>
        [
            .. lots.GroupBy(l => l.Fnsku, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Picture(g.Key, [.. g], figures, now)),
        ];

    private FnskuPicture Picture(string fnsku, IReadOnlyList<StoredLot> lots, SellerFigures figures, DateTimeOffset now)
    {
        var sales = figures.Sales.GetValueOrDefault(fnsku);
        var item = figures.Items.TryGetValue(fnsku, out var registered)
            ? ItemProfile.From(
                registered.StorageType,
                registered.Dimensions,
                registered.ListPrice,
                sales?.AverageSellingPrice,
                registered.Currency
            )
            : null;
        var sellable = lots.Where(l => l.StockKind == StockKind.Sellable).Select(l => l.Lot).ToList();
        var unfulfillable = lots.Where(l => l.StockKind == StockKind.Unfulfillable).Select(l => l.Lot).ToList();
        var demand = DemandEstimate.From(figures.Forecasts.GetValueOrDefault(fnsku), sales?.RecentUnits ?? 0, settings.SalesLookbackDays);
        var oldest = sellable.Count == 0 ? (DateTimeOffset?)null : sellable.Min(l => l.ReceivedAt);
        var excess = ExcessAnalysis.Of(sellable.Sum(l => l.Quantity), demand, settings.ExcessRules, sales?.LastSaleAt, oldest, now);
        var monthly = item is null
            ? (decimal?)null
            : HoldingCostModel.MonthlyCost(sellable.Concat(unfulfillable), item, settings.HoldingCost, now);
        return new FnskuPicture(fnsku, item, lots, excess, AgeProfile.Of(sellable, now), AgeProfile.Of(unfulfillable, now), monthly);
    }
}

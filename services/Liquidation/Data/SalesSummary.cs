namespace InventoryPlatform.Liquidation.Data;

/// <summary>Sales of one FNSKU: in the look-back window, in the last year (for the average selling price), and the last sale.</summary>
public sealed record SalesSummary(string Fnsku, int RecentUnits, int YearUnits, decimal YearRevenue, DateTimeOffset? LastSaleAt)
{
    public decimal? AverageSellingPrice => YearUnits > 0 ? Math.Round(YearRevenue / YearUnits, 2) : null;
}

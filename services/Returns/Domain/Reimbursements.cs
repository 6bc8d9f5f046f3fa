namespace InventoryPlatform.Returns.Domain;

/// <summary>What the network owes a seller for units it damaged: the average price the FNSKU sold at.</summary>
public static class Reimbursements
{
    /// <summary>
    /// The quantity-weighted average selling price of the shipped lines in the given currency, to 4 decimals; null when
    /// nothing sold in it.
    /// </summary>
    public static decimal? AverageSellingPrice(IEnumerable<ShippedLine> lines, string currency)
    {
        var inCurrency = lines
            .Where(l => string.Equals(l.Currency, currency, StringComparison.OrdinalIgnoreCase) && l.Quantity > 0)
            .ToList();
        var units = inCurrency.Sum(l => l.Quantity);
        return units == 0 ? null : Math.Round(inCurrency.Sum(l => l.UnitPrice * l.Quantity) / units, 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>The currency most units of the FNSKU sold in (the one to reimburse in when the return has no order).</summary>
    public static string? MainCurrency(IEnumerable<ShippedLine> lines) =>
        lines
            .GroupBy(l => l.Currency.ToUpperInvariant())
            .OrderByDescending(g => g.Sum(l => l.Quantity))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault();

    /// <summary>Units × average price, rounded to the cent.</summary>
    public static decimal Amount(int units, decimal averagePrice) => Math.Round(units * averagePrice, 2, MidpointRounding.AwayFromZero);
}

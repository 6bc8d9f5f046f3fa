namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Price as a covariate. The price a buyer pays on a day is the list price in force (the latest dated price on or before
/// it; before the first one, the first) less the deepest promotion discount of the day. The model sees it relative to
/// the median price of the <see cref="ReferenceDays"/> before: a price cut, planned (a markdown, a promotion) or past,
/// reads below 1 whatever the item costs, so one model learns every item's response to it. Without a known price only
/// promotion discounts move it.
/// </summary>
public static class PriceFeatures
{
    /// <summary>The days whose median price a day's price is compared with: 13 weeks.</summary>
    public const int ReferenceDays = 91;

    /// <summary>The price paid on each day from <paramref name="start"/> (1 × discounts when no price is known).</summary>
    public static double[] Daily(DateOnly start, int days, IReadOnlyList<DatedPrice> prices, IReadOnlyList<PromotionDays> promotions)
    {
        var ordered = prices.OrderBy(p => p.From).ToArray();
        var result = new double[days];
        var next = 0;
        var list = ordered.Length > 0 ? ordered[0].Price : 1;
        for (var d = 0; d < days; d++)
        {
            var date = start.AddDays(d);
            while (next < ordered.Length && ordered[next].From <= date)
            {
                list = ordered[next++].Price;
            }

            var discount = 0.0;
            foreach (var promotion in promotions)
            {
                if (promotion.From <= date && date <= promotion.To)
                {
                    discount = Math.Max(discount, promotion.DiscountPercent);
                }
            }

            result[d] = list * (1 - Math.Clamp(discount, 0, 100) / 100);
        }

        return result;
    }

    /// <summary>
    /// Each period's price divided by the median price of the <paramref name="window"/> periods before it (1 for the first
    /// period, which has none). Prices change rarely, so the window is kept as counts of its distinct prices.
    /// </summary>
    public static double[] Relative(IReadOnlyList<double> prices, int window)
    {
        var result = new double[prices.Count];
        var counts = new SortedDictionary<double, int>();
        for (var t = 0; t < prices.Count; t++)
        {
            if (t > 0)
            {
                Add(counts, prices[t - 1], 1);
                if (t - 1 - window >= 0)
                {
                    Add(counts, prices[t - 1 - window], -1);
                }
            }

            var reference = counts.Count == 0 ? prices[t] : Median(counts, Math.Min(t, window));
            result[t] = reference > 0 ? prices[t] / reference : 1;
        }

        return result;
    }

    /// <summary>Whether a price list and promotions leave every day's relative price at 1 (nothing to learn from).</summary>
    public static bool IsFlat(IReadOnlyList<DatedPrice> prices, IReadOnlyList<PromotionDays> promotions) =>
        promotions.All(p => p.DiscountPercent <= 0) && prices.Select(p => p.Price).Distinct().Count() <= 1;

    private static void Add(SortedDictionary<double, int> counts, double price, int change)
    {
        var count = counts.GetValueOrDefault(price) + change;
        if (count == 0)
        {
            counts.Remove(price);
        }
        else
        {
            counts[price] = count;
        }
    }

    /// <summary>The median of <paramref name="total"/> values held as counts of distinct values (the mean of the middle two
    /// when even).</summary>
    private static double Median(SortedDictionary<double, int> counts, int total)
    {
        var lowRank = (total - 1) / 2;
        var highRank = total / 2;
        double? low = null;
        var seen = 0;
        foreach (var (price, count) in counts)
        {
            if (low is null && seen + count > lowRank)
            {
                low = price;
            }

            if (seen + count > highRank)
            {
                return (low!.Value + price) / 2;
            }

            seen += count;
        }

        return low ?? 1;
    }
}

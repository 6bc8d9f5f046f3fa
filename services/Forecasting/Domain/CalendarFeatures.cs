namespace InventoryPlatform.Forecasting.Domain;

/// <summary>The covariates of the global model for daily sales: things known in advance about each day.</summary>
public static class CalendarFeatures
{
    public const int Count = 7;

    /// <summary>The column of the weekday (0 = Sunday).</summary>
    public const int WeekdayColumn = 0;

    /// <summary>The column of the promotion flag (1 on a day with a promotion).</summary>
    public const int PromotionColumn = 3;

    /// <summary>The column of the relative price (<see cref="PriceFeatures"/>).</summary>
    public const int RelativePriceColumn = 6;

    /// <summary>
    /// Per day from <paramref name="start"/>: weekday, month, holiday flag, promotion flag, discount %, featured flag and the
    /// price paid relative to the median of the 13 weeks before (<see cref="PriceFeatures"/>; 1 without prices or discounts).
    /// </summary>
    public static double[][] Daily(
        DateOnly start,
        int days,
        IReadOnlySet<DateOnly> holidays,
        IReadOnlyList<PromotionDays> promotions,
        IReadOnlyList<DatedPrice>? prices = null
    )
    {
        // The reference window reaches back before the first day, so the first days of a history compare with real prices.
        var reach = PriceFeatures.ReferenceDays;
        var paid = PriceFeatures.Daily(start.AddDays(-reach), days + reach, prices ?? [], promotions);
        var relative = PriceFeatures.Relative(paid, PriceFeatures.ReferenceDays);
        var rows = new double[days][];
        for (var d = 0; d < days; d++)
        {
            var date = start.AddDays(d);
            var promotion = promotions.Where(p => p.From <= date && date <= p.To).MaxBy(p => p.DiscountPercent);
            rows[d] =
            [
                (int)date.DayOfWeek,
                date.Month,
                holidays.Contains(date) ? 1 : 0,
                promotion is null ? 0 : 1,
                promotion?.DiscountPercent ?? 0,
                promotion?.Featured == true ? 1 : 0,
                relative[reach + d],
            ];
        }

        return rows;
    }
}

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>The covariates of the global model for daily sales: things known in advance about each day.</summary>
public static class CalendarFeatures
{
    public const int Count = 6;

    /// <summary>The column of the promotion flag (1 on a day with a promotion).</summary>
    public const int PromotionColumn = 3;

    /// <summary>Per day from <paramref name="start"/>: weekday, month, holiday flag, promotion flag, discount %, featured flag.</summary>
    public static double[][] Daily(DateOnly start, int days, IReadOnlySet<DateOnly> holidays, IReadOnlyList<PromotionDays> promotions)
    {
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
            ];
        }

        return rows;
    }
}

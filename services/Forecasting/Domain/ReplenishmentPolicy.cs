namespace InventoryPlatform.Forecasting.Domain;

/// <summary>
/// Periodic-review order-up-to policy on the daily forecast:
/// lead-time demand = Σ P50 over the lead time; safety stock = z(service level) × σ × √(lead time + review period),
/// where σ is the daily forecast uncertainty read off the P10–P90 band (its width is 2 × 1.2816 σ for a normal error);
/// reorder point = lead-time demand + safety stock; order-up-to = Σ P50 over lead time + review period + safety stock;
/// recommended = order-up-to − (available + inbound), rounded up to whole case packs and to at least the minimum order.
/// </summary>
public static class ReplenishmentPolicy
{
    private const double P90Z = 1.2815515655446004;

    public static ReplenishmentPlan Plan(
        IReadOnlyList<double> p10,
        IReadOnlyList<double> p50,
        IReadOnlyList<double> p90,
        int available,
        int inbound,
        ReplenishmentSettings settings,
        DateOnly today
    )
    {
        var leadTime = settings.LeadTimeDays;
        var cover = leadTime + settings.ReviewPeriodDays;
        var leadTimeDemand = SumDays(p50, leadTime);
        var coverDemand = SumDays(p50, cover);

        var days = Math.Min(Math.Max(cover, 1), p50.Count);
        double sigma = 0;
        for (var d = 0; d < days; d++)
        {
            sigma += Math.Max(0, p90[d] - p10[d]) / (2 * P90Z);
        }

        sigma = days > 0 ? sigma / days : 0;
        var safetyStock = (int)Math.Ceiling(StandardNormal.Quantile(settings.ServiceLevel) * sigma * Math.Sqrt(cover) - 1e-9);
        safetyStock = Math.Max(0, safetyStock);
        var reorderPoint = (int)Math.Ceiling(leadTimeDemand - 1e-9) + safetyStock;
        var orderUpTo = (int)Math.Ceiling(coverDemand - 1e-9) + safetyStock;
        var position = available + inbound;
        var recommended = OrderQuantity(orderUpTo - position, settings.CasePack, settings.MinimumOrderQuantity);
        var daysOfSupply = DaysOfSupply(available, p50);
        var urgency = UrgencyOf(available, position, reorderPoint, recommended, daysOfSupply, leadTime);
        var shipBy = today.AddDays(daysOfSupply is { } supply ? Math.Max(0, (int)Math.Floor(supply) - leadTime) : p50.Count);
        return new ReplenishmentPlan(
            leadTimeDemand,
            safetyStock,
            reorderPoint,
            orderUpTo,
            position,
            recommended,
            daysOfSupply,
            urgency,
            shipBy
        );
    }

    /// <summary>Units to order for a shortfall: none when there is none, else whole case packs, at least the minimum order (itself rounded
    /// up to case packs).</summary>
    public static int OrderQuantity(int shortfall, int casePack, int minimumOrderQuantity)
    {
        if (shortfall <= 0)
        {
            return 0;
        }

        var units = Math.Max(shortfall, minimumOrderQuantity);
        return (units + casePack - 1) / casePack * casePack;
    }

    /// <summary>Days until the forecast demand has used up the available units (fractional on the last day);
    /// null when the forecast never uses them up within its horizon and sells nothing.</summary>
    public static double? DaysOfSupply(int available, IReadOnlyList<double> dailyDemand)
    {
        double left = Math.Max(0, available);
        for (var d = 0; d < dailyDemand.Count; d++)
        {
            if (dailyDemand[d] >= left)
            {
                return dailyDemand[d] > 0 ? Math.Round(d + left / dailyDemand[d], 1) : d;
            }

            left -= dailyDemand[d];
        }

        // Beyond the horizon: extend at the horizon's average rate.
        var rate = dailyDemand.Count > 0 ? dailyDemand.Average() : 0;
        return rate > 0 ? Math.Round(dailyDemand.Count + left / rate, 1) : null;
    }

    /// <summary>Critical: out of stock, or it runs out before an order placed today could arrive. High: at or below the
    /// reorder point. Normal: something to order at the next review. None: nothing to do.</summary>
    public static Urgency UrgencyOf(int available, int position, int reorderPoint, int recommended, double? daysOfSupply, int leadTimeDays)
    {
        if (recommended > 0 && (available <= 0 || daysOfSupply < leadTimeDays))
        {
            return Urgency.Critical;
        }

        if (reorderPoint > 0 && position <= reorderPoint)
        {
            return Urgency.High;
        }

        return recommended > 0 ? Urgency.Normal : Urgency.None;
    }

    private static double SumDays(IReadOnlyList<double> daily, int days)
    {
        double sum = 0;
        for (var d = 0; d < days; d++)
        {
            // Past the forecast horizon the last week's average rate goes on.
            sum += d < daily.Count ? daily[d] : daily.Skip(Math.Max(0, daily.Count - 7)).DefaultIfEmpty(0).Average();
        }

        return sum;
    }
}

namespace InventoryPlatform.Forecasting.Domain;

/// <summary>How a seller restocks one FNSKU. Lead time: days from ordering until units are sellable at the FC;
/// review period: days between order decisions; service level: the chance of not running out before the next order arrives.</summary>
public sealed record ReplenishmentSettings(
    int LeadTimeDays,
    int ReviewPeriodDays,
    int MinimumOrderQuantity,
    int CasePack,
    double ServiceLevel
)
{
    public static ReplenishmentSettings Default { get; } = new(14, 7, 0, 1, 0.95);

    /// <summary>Field and reason of every setting out of range.</summary>
    public IEnumerable<(string Field, string Reason)> Problems()
    {
        if (LeadTimeDays is < 0 or > 365)
        {
            yield return ("leadTimeDays", "Must be between 0 and 365.");
        }

        if (ReviewPeriodDays is < 1 or > 90)
        {
            yield return ("reviewPeriodDays", "Must be between 1 and 90.");
        }

        if (MinimumOrderQuantity is < 0 or > 1_000_000)
        {
            yield return ("minimumOrderQuantity", "Must be between 0 and 1000000.");
        }

        if (CasePack is < 1 or > 10_000)
        {
            yield return ("casePack", "Must be between 1 and 10000.");
        }

        if (ServiceLevel is not (>= 0.5 and <= 0.999))
        {
            yield return ("serviceLevel", "Must be between 0.5 and 0.999.");
        }
    }
}

public enum Urgency
{
    None,
    Normal,
    High,
    Critical,
}

/// <summary>The restock decision for one FNSKU on one day.</summary>
public sealed record ReplenishmentPlan(
    double LeadTimeDemand,
    int SafetyStock,
    int ReorderPoint,
    int OrderUpToLevel,
    int InventoryPosition,
    int RecommendedUnits,
    double? DaysOfSupply,
    Urgency Urgency,
    DateOnly ShipBy
)
{
    public bool AtOrBelowReorderPoint => InventoryPosition <= ReorderPoint && ReorderPoint > 0;
}

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

/// <summary>
/// The restock alert fires once per crossing: armed while the inventory position is above the reorder point,
/// it fires (and disarms) when the position falls to or below it, and re-arms only once stock has recovered above it.
/// </summary>
public static class ReorderAlarm
{
    public static (bool Raise, bool ArmedAfter) Evaluate(bool armed, ReplenishmentPlan plan) =>
        plan.AtOrBelowReorderPoint ? (armed, false) : (false, true);
}

/// <summary>The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).</summary>
public static class StandardNormal
{
    private static readonly double[] A =
    [
        -3.969683028665376e+01,
        2.209460984245205e+02,
        -2.759285104469687e+02,
        1.383577518672690e+02,
        -3.066479806614716e+01,
        2.506628277459239e+00,
    ];
    private static readonly double[] B =
    [
        -5.447609879822406e+01,
        1.615858368580409e+02,
        -1.556989798598866e+02,
        6.680131188771972e+01,
        -1.328068155288572e+01,
    ];
    private static readonly double[] C =
    [
        -7.784894002430293e-03,
        -3.223964580411365e-01,
        -2.400758277161838e+00,
        -2.549732539343734e+00,
        4.374664141464968e+00,
        2.938163982698783e+00,
    ];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    public static double Quantile(double p)
    {
        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), "A probability strictly between 0 and 1.");
        }

        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }

        if (p > 1 - low)
        {
            return -Quantile(1 - p);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((A[0] * s + A[1]) * s + A[2]) * s + A[3]) * s + A[4]) * s + A[5])
            * r
            / (((((B[0] * s + B[1]) * s + B[2]) * s + B[3]) * s + B[4]) * s + 1);
    }
}

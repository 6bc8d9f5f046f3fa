namespace InventoryPlatform.Limits.Domain;

/// <summary>The KPI formulas, each a pure function over what the events recorded.</summary>
public static class Kpis
{
    public const int SellThroughDays = 90;
    public const int TurnoverSeriesDays = 30;

    /// <summary>Inventory turnover: units shipped ÷ average units on hand (0 with nothing on hand).</summary>
    public static double Turnover(int unitsShipped, double averageOnHand) => averageOnHand <= 0 ? 0 : unitsShipped / averageOnHand;

    /// <summary>Sell-through rate: units shipped in 90 days ÷ average units on hand over those 90 days.</summary>
    public static double SellThrough(int unitsShipped90Days, double averageOnHand90Days) =>
        Turnover(unitsShipped90Days, averageOnHand90Days);

    /// <summary>Storage utilization: occupied volume ÷ capacity (0 without capacity).</summary>
    public static double Utilization(decimal occupiedCubicFeet, decimal capacityCubicFeet) =>
        capacityCubicFeet <= 0 ? 0 : (double)(occupiedCubicFeet / capacityCubicFeet);

    /// <summary>
    /// Order defect rate: orders cancelled or shipped late, plus defective returns, ÷ orders (shipped or cancelled), at most 1.
    /// A return event carries no order id, so each defective return counts as one defective order.
    /// </summary>
    public static OrderDefects DefectRate(
        IEnumerable<ShipmentRecord> shipments,
        IEnumerable<CancellationRecord> cancellations,
        int defectiveReturns,
        double lateAfterHours
    )
    {
        var shipped = shipments.ToList();
        var cancelled = cancellations.Select(c => c.OrderId).ToHashSet();
        var late = shipped.Where(s => s.HoursToShip > lateAfterHours).Select(s => s.OrderId).Where(o => !cancelled.Contains(o)).ToHashSet();
        var orders = shipped.Select(s => s.OrderId).Concat(cancelled).Distinct().Count();
        var defective = cancelled.Count + late.Count + defectiveReturns;
        return new OrderDefects(
            orders,
            cancelled.Count,
            late.Count,
            defectiveReturns,
            orders == 0 ? 0 : Math.Min(1.0, (double)defective / orders)
        );
    }

    /// <summary>Hours from order to ship: p50 and p90 by the nearest-rank method.</summary>
    public static FulfillmentSpeed Speed(IEnumerable<double> hoursToShip)
    {
        var sorted = hoursToShip.Order().ToList();
        return new FulfillmentSpeed(Percentile(sorted, 0.5), Percentile(sorted, 0.9), sorted.Count);
    }

    /// <summary>Nearest-rank percentile of sorted values: the value at rank ⌈p·n⌉.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>Units beyond what the item is expected to sell over the cover horizon.</summary>
    public static int Excess(int onHand, double expectedDemand) => Math.Max(0, onHand - (int)Math.Ceiling(expectedDemand));

    public static double Share(int part, int whole) => whole <= 0 ? 0 : (double)part / whole;

    public static KpiReport Report(KpiInputs inputs)
    {
        if (inputs.To < inputs.From)
        {
            throw new ArgumentException("The window ends before it starts.", nameof(inputs));
        }

        var stock = new StockHistory(inputs.Readings);
        var shippedByDay = inputs.Shipments.GroupBy(s => s.Day).ToDictionary(g => g.Key, g => g.Sum(s => s.Units));
        var windowDays = Days(inputs.From, inputs.To).ToList();

        var series = windowDays.Select(day => Point(inputs, stock, shippedByDay, day)).ToList();
        var shipped = windowDays.Sum(d => shippedByDay.GetValueOrDefault(d));
        var averageOnHand = series.Average(p => p.UnitsOnHand);
        var (shipped90, average90) = Rolling(stock, shippedByDay, inputs.To, SellThroughDays);

        var inWindow = (Func<DateOnly, bool>)(d => d >= inputs.From && d <= inputs.To);
        var shipments = inputs.Shipments.Where(s => inWindow(s.Day)).ToList();
        var defects = DefectRate(
            shipments,
            inputs.Cancellations.Where(c => inWindow(c.Day)),
            inputs.DefectiveReturns.Count(r => inWindow(r.Day)),
            inputs.LateAfterHours
        );
        var inbound = inputs.InboundClosed.Where(i => inWindow(i.Day)).ToList();
        var (inStockDays, replenishableDays) = windowDays.Aggregate((0, 0), (sum, day) =>
        {
            var (inStock, replenishable) = InStock(inputs, stock, day);
            return (sum.Item1 + inStock, sum.Item2 + replenishable);
        });

        var last = series[^1];
        return new KpiReport(
            inputs.From,
            inputs.To,
            shipped,
            averageOnHand,
            Turnover(shipped, averageOnHand),
            SellThrough(shipped90, average90),
            replenishableDays == 0 ? 1.0 : (double)inStockDays / replenishableDays,
            defects,
            Speed(shipments.Select(s => s.HoursToShip)),
            last.UnitsOnHand,
            last.ExcessUnits,
            last.ExcessShare,
            last.StrandedUnits,
            last.StrandedShare,
            inbound.Count,
            inbound.Sum(i => i.ExpectedUnits),
            inbound.Sum(i => i.ReceivedUnits),
            series
        );
    }

    private static KpiPoint Point(KpiInputs inputs, StockHistory stock, Dictionary<DateOnly, int> shippedByDay, DateOnly day)
    {
        var onHand = stock.OnHandByKey(day);
        var total = onHand.Values.Sum();
        var (shipped30, average30) = Rolling(stock, shippedByDay, day, TurnoverSeriesDays);
        var (shipped90, average90) = Rolling(stock, shippedByDay, day, SellThroughDays);
        var (inStock, replenishable) = InStock(inputs, stock, day);
        var shipments = inputs.Shipments.Where(s => s.Day == day).ToList();
        var defects = DefectRate(
            shipments,
            inputs.Cancellations.Where(c => c.Day == day),
            inputs.DefectiveReturns.Count(r => r.Day == day),
            inputs.LateAfterHours
        );
        var speed = Speed(shipments.Select(s => s.HoursToShip));
        var excess = onHand.Sum(kv => Excess(kv.Value, inputs.ExcessDemand.GetValueOrDefault(kv.Key)));
        var stranded = onHand.Where(kv => !inputs.ListedKeys.Contains(kv.Key)).Sum(kv => kv.Value);
        return new KpiPoint(
            day,
            total,
            shippedByDay.GetValueOrDefault(day),
            Turnover(shipped30, average30),
            SellThrough(shipped90, average90),
            replenishable == 0 ? 1.0 : (double)inStock / replenishable,
            defects.Rate,
            speed.P50Hours,
            speed.P90Hours,
            excess,
            Share(excess, total),
            stranded,
            Share(stranded, total)
        );
    }

    /// <summary>Units shipped and average units on hand over the <paramref name="days"/> days ending with <paramref name="day"/>.</summary>
    private static (int Shipped, double AverageOnHand) Rolling(
        StockHistory stock,
        Dictionary<DateOnly, int> shippedByDay,
        DateOnly day,
        int days
    )
    {
        var window = Days(day.AddDays(1 - days), day).ToList();
        return (window.Sum(d => shippedByDay.GetValueOrDefault(d)), window.Average(d => (double)stock.TotalOnHand(d)));
    }

    /// <summary>
    /// Of the replenishable items on a day (listed, and stocked at some time up to that day), how many had units available.
    /// </summary>
    private static (int InStock, int Replenishable) InStock(KpiInputs inputs, StockHistory stock, DateOnly day)
    {
        var inStock = 0;
        var replenishable = 0;
        foreach (var (key, reading) in stock.LatestByKey(day))
        {
            if (!inputs.ListedKeys.Contains(key))
            {
                continue;
            }

            replenishable++;
            if (reading.Available > 0)
            {
                inStock++;
            }
        }

        return (inStock, replenishable);
    }

    public static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>Each item's readings in day order; a day without a reading carries the last one forward.</summary>
    private sealed class StockHistory(IEnumerable<StockReading> readings)
    {
        private readonly Dictionary<string, List<StockReading>> _byKey = readings
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Day).ToList(), StringComparer.Ordinal);

        private readonly Dictionary<DateOnly, Dictionary<string, StockReading>> _cache = [];

        public Dictionary<string, StockReading> LatestByKey(DateOnly day)
        {
            if (_cache.TryGetValue(day, out var cached))
            {
                return cached;
            }

            var latest = new Dictionary<string, StockReading>(StringComparer.Ordinal);
            foreach (var (key, list) in _byKey)
            {
                var index = list.FindLastIndex(r => r.Day <= day);
                if (index >= 0)
                {
                    latest[key] = list[index];
                }
            }

            _cache[day] = latest;
            return latest;
        }

        private readonly Dictionary<DateOnly, int> _totals = [];

        public int TotalOnHand(DateOnly day)
        {
            if (!_totals.TryGetValue(day, out var total))
            {
                _totals[day] = total = LatestByKey(day).Values.Sum(r => r.OnHand);
            }

            return total;
        }

        public Dictionary<string, int> OnHandByKey(DateOnly day) =>
            LatestByKey(day).ToDictionary(kv => kv.Key, kv => kv.Value.OnHand, StringComparer.Ordinal);
    }
}

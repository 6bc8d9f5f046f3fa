using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Benchmarks.Simulation;

/// <summary>
/// The platform's way: stock spread over the six US FCs by where each product sells (Allocation's placement), orders
/// shipped from the nearest FC holding the units (Allocation's planner), and a weekly review that forecasts every product
/// with Forecasting's backtest-selected models and restocks to its order-up-to level (Forecasting's replenishment policy).
/// </summary>
public sealed class PlatformPolicy : IStockingPolicy
{
    private static readonly ReplenishmentSettings Settings = new(YearSimulation.LeadTimeDays, 7, 0, 10, 0.98);
    private static readonly ForecastSettings Forecasting = new(HorizonDays: 42, BacktestFolds: 2, UseGlobalModel: false);

    public string Name => "platform";

    public IReadOnlyList<ShippingOption> OptionsFor(string region) => YearSimulation.Network.OptionsFor("US", region);

    public IEnumerable<(int Product, string Center, int Units)> InitialStock(YearSimulation simulation) =>
        Enumerable
            .Range(0, simulation.Products.Count)
            .SelectMany(p =>
            {
                var recent = simulation.RecentRegionalDemand(p, YearSimulation.HistoryDays);
                var units = (int)Math.Ceiling(recent.Sum(r => r.DailyUnits) * 35);
                return DemandPlacement.Advise(YearSimulation.Network, "US", units, recent).Select(l => (p, l.FulfillmentCenter, l.Units));
            })
            .ToList();

    public IEnumerable<(int Product, string Center, int Units)> Replenish(YearSimulation simulation, int day)
    {
        if ((day - YearSimulation.HistoryDays) % Settings.ReviewPeriodDays != 0)
        {
            return [];
        }

        var start = simulation.DateOf(Math.Max(0, day - YearSimulation.HistoryDays));
        var panel = Enumerable
            .Range(0, simulation.Products.Count)
            .Select(p =>
            {
                var history = simulation.DemandHistory(p, day).TakeLast(YearSimulation.HistoryDays).ToArray();
                var covariates = CalendarFeatures.Daily(start, history.Length + Forecasting.HorizonDays, new HashSet<DateOnly>(), []);
                return new DemandSeries(simulation.Products[p].Fnsku, history, covariates, []);
            })
            .ToList();
        var forecasts = DemandForecaster.Forecast(panel, Forecasting);
        var orders = new List<(int, string, int)>();
        for (var p = 0; p < forecasts.Count; p++)
        {
            var f = forecasts[p];
            var plan = ReplenishmentPolicy.Plan(
                f.P10,
                f.P50,
                f.P90,
                simulation.OnHand(p),
                simulation.Inbound(p),
                Settings,
                simulation.DateOf(day)
            );
            if (plan.RecommendedUnits > 0)
            {
                orders.AddRange(
                    DemandPlacement
                        .Advise(YearSimulation.Network, "US", plan.RecommendedUnits, simulation.RecentRegionalDemand(p, day))
                        .Select(l => (p, l.FulfillmentCenter, l.Units))
                );
            }
        }

        return orders;
    }
}

/// <summary>
/// The naive baseline: every unit in one central FC (DFW2), every order shipped from it, and a fixed min/max reorder
/// set from last year's average demand: when stock plus inbound falls to lead time + a week of average demand, order
/// up to lead time + 45 days of it.
/// </summary>
public sealed class SingleCenterMinMaxPolicy : IStockingPolicy
{
    private const string Center = "DFW2";
    private double[] _average = [];

    public string Name => "baseline (one FC, fixed min/max)";

    public IReadOnlyList<ShippingOption> OptionsFor(string region) =>
        YearSimulation.Network.OptionsFor("US", region).Where(o => o.FulfillmentCenter == Center).ToList();

    public IEnumerable<(int Product, string Center, int Units)> InitialStock(YearSimulation simulation)
    {
        _average = Enumerable
            .Range(0, simulation.Products.Count)
            .Select(p => simulation.DemandHistory(p, YearSimulation.HistoryDays).Average())
            .ToArray();
        return Enumerable.Range(0, simulation.Products.Count).Select(p => (p, Center, (int)Math.Ceiling(_average[p] * 35))).ToList();
    }

    public IEnumerable<(int Product, string Center, int Units)> Replenish(YearSimulation simulation, int day)
    {
        var orders = new List<(int, string, int)>();
        for (var p = 0; p < simulation.Products.Count; p++)
        {
            var minimum = (int)Math.Ceiling(_average[p] * (YearSimulation.LeadTimeDays + 7));
            var maximum = (int)Math.Ceiling(_average[p] * (YearSimulation.LeadTimeDays + 45));
            var position = simulation.OnHand(p) + simulation.Inbound(p);
            if (position <= minimum)
            {
                orders.Add((p, Center, maximum - position));
            }
        }

        return orders;
    }
}

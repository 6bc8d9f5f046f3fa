using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Benchmarks.Simulation;

/// <summary>What a year of one stocking policy came to.</summary>
public sealed record SimulationOutcome(
    string Policy,
    long UnitsDemanded,
    long UnitsShipped,
    double FillRate,
    double SplitShipmentRate,
    double AverageTransitHours,
    double AverageDaysOfSupply,
    int UnitsAgedOver90Days,
    int UnitsAgedOver180Days,
    decimal StorageCost,
    long UnitsReturned
);

/// <summary>Where stock is kept, where orders may ship from, and when to restock: the part that differs between policies.</summary>
public interface IStockingPolicy
{
    string Name { get; }

    IReadOnlyList<ShippingOption> OptionsFor(string region);

    /// <summary>Units to put into the network before the year starts, per product and FC.</summary>
    IEnumerable<(int Product, string Center, int Units)> InitialStock(YearSimulation simulation);

    /// <summary>Inbound orders decided today (they arrive after the lead time).</summary>
    IEnumerable<(int Product, string Center, int Units)> Replenish(YearSimulation simulation, int day);
}

/// <summary>
/// Drives one year of the same synthetic demand through a stocking policy, day by day on a simulated clock: inbound
/// arrives after the lead time, orders are allocated with the platform's own <see cref="AllocationPlanner"/> (what cannot
/// be filled that day is a lost sale), shipped units leave first-in-first-out, some come back as returns (most sellable,
/// restocked where they shipped from), every unit held pays the storage fee and aged surcharge of Liquidation's
/// <see cref="HoldingCostSchedule"/>, and the policy decides what to restock.
/// </summary>
public sealed class YearSimulation
{
    public const int HistoryDays = 364;
    public const int SimulatedDays = 364;
    public const int LeadTimeDays = 14;
    public static readonly string[] Centers = ["SEA1", "PHX3", "DFW2", "ORD4", "ATL6", "EWR9"];
    public static readonly string[] Regions = ["US-West", "US-Southwest", "US-Central", "US-Midwest", "US-Southeast", "US-Northeast"];

    // Hours from each FC (column) to each region (row): the default network Allocation seeds.
    private static readonly int[][] TransitHours =
    [
        [24, 48, 72, 72, 96, 96],
        [48, 24, 48, 72, 72, 96],
        [72, 48, 24, 48, 48, 72],
        [72, 72, 48, 24, 48, 48],
        [96, 72, 48, 48, 24, 48],
        [96, 96, 72, 48, 48, 24],
    ];

    private readonly SyntheticDemand _world;
    private readonly int[,,] _demand;
    private readonly List<(string Region, List<(int Product, int Units)> Lines)>[] _orders;
    private readonly HoldingCostSchedule _costs = new();
    private Dictionary<(int Product, string Center), List<Lot>> _lots = [];
    private List<(int Day, int Product, string Center, int Units)> _inbound = [];

    public YearSimulation(SyntheticDemand world)
    {
        _world = world;
        var days = HistoryDays + SimulatedDays;
        _demand = new int[world.Products.Count, Regions.Length, days];
        _orders = new List<(string, List<(int, int)>)>[days];
        for (var day = 0; day < days; day++)
        {
            _orders[day] = [];
            for (var region = 0; region < Regions.Length; region++)
            {
                var units = new List<int>();
                for (var p = 0; p < world.Products.Count; p++)
                {
                    var drawn = world.Draw(world.Rate(world.Products[p], region, day));
                    _demand[p, region, day] = drawn;
                    units.AddRange(Enumerable.Repeat(p, drawn));
                }

                // The day's units of a region become orders of one to three lines.
                units = units.OrderBy(_ => world.Next()).ToList();
                for (var i = 0; i < units.Count; )
                {
                    var size = Math.Min(units.Count - i, 1 + (int)(world.Next() * 3));
                    _orders[day].Add((Regions[region], units.Skip(i).Take(size).GroupBy(u => u).Select(g => (g.Key, g.Count())).ToList()));
                    i += size;
                }
            }
        }
    }

    public static FulfillmentNetwork Network { get; } =
        new(
            Regions.Select(r => new Region(r, "US")).ToList(),
            Centers.Select((c, i) => new FulfillmentCenter(c, "US", Regions[i], 1_500_000)).ToList(),
            Regions.SelectMany((r, ri) => Centers.Select((c, ci) => new TransitTime(r, c, TransitHours[ri][ci]))).ToList(),
            new CrossBorderPolicy(false, 0)
        );

    public IReadOnlyList<SimulatedProduct> Products => _world.Products;

    public DateOnly DateOf(int day) => _world.Start.AddDays(day);

    /// <summary>Units ordered nationally per day before <paramref name="day"/> (all of them: demand, not only what shipped).</summary>
    public double[] DemandHistory(int product, int day)
    {
        var history = new double[day];
        for (var d = 0; d < day; d++)
        {
            for (var r = 0; r < Regions.Length; r++)
            {
                history[d] += _demand[product, r, d];
            }
        }

        return history;
    }

    /// <summary>Daily units per region over the <paramref name="window"/> days before <paramref name="day"/>.</summary>
    public IReadOnlyList<RegionalDemandRate> RecentRegionalDemand(int product, int day, int window = 28) =>
        Regions
            .Select(
                (region, r) =>
                    new RegionalDemandRate(
                        region,
                        Enumerable.Range(Math.Max(0, day - window), Math.Min(window, day)).Sum(d => _demand[product, r, d]) / (double)window
                    )
            )
            .ToList();

    public int OnHand(int product) => _lots.Where(l => l.Key.Product == product).Sum(l => l.Value.Sum(x => x.Units));

    public int Inbound(int product) => _inbound.Where(i => i.Product == product).Sum(i => i.Units);

    public SimulationOutcome Run(IStockingPolicy policy)
    {
        _lots = [];
        _inbound = [];
        var returns = new List<(int Day, int Product, string Center, int Units)>();
        long demanded = 0,
            shipped = 0,
            returned = 0,
            orders = 0,
            split = 0;
        double transitUnitHours = 0,
            daysOfSupplySum = 0;
        var daysOfSupplySamples = 0;
        decimal storage = 0;
        foreach (var (product, center, units) in policy.InitialStock(this))
        {
            Add(product, center, units, HistoryDays);
        }

        for (var day = HistoryDays; day < HistoryDays + SimulatedDays; day++)
        {
            foreach (var arrival in _inbound.Where(i => i.Day == day).ToList())
            {
                Add(arrival.Product, arrival.Center, arrival.Units, day);
                _inbound.Remove(arrival);
            }

            foreach (var back in returns.Where(r => r.Day == day).ToList())
            {
                Add(back.Product, back.Center, back.Units, day);
                returns.Remove(back);
            }

            foreach (var (region, lines) in _orders[day])
            {
                demanded += lines.Sum(l => l.Units);
                var options = policy.OptionsFor(region);
                var available = lines
                    .SelectMany(l =>
                        options.Select(o =>
                            (Key: (Products[l.Product].Fnsku, o.FulfillmentCenter), Units: Stock(l.Product, o.FulfillmentCenter))
                        )
                    )
                    .ToDictionary(x => x.Key, x => x.Units);
                var plan = AllocationPlanner.Plan(
                    lines.Select((l, i) => new LineDemand(i + 1, Products[l.Product].Fnsku, l.Units)).ToList(),
                    options,
                    available
                );
                if (plan.IsEmpty)
                {
                    continue;
                }

                orders++;
                split += plan.Splits > 1 ? 1 : 0;
                foreach (var allocation in plan.Allocations)
                {
                    var product = lines[allocation.LineNumber - 1].Product;
                    Take(product, allocation.FulfillmentCenter, allocation.Quantity);
                    shipped += allocation.Quantity;
                    transitUnitHours += allocation.Quantity * options.First(o => o.FulfillmentCenter == allocation.FulfillmentCenter).Hours;
                    var comingBack = Enumerable.Range(0, allocation.Quantity).Count(_ => _world.Next() < Products[product].ReturnRate);
                    var sellable = Enumerable.Range(0, comingBack).Count(_ => _world.Next() < 0.75);
                    returned += comingBack;
                    if (sellable > 0)
                    {
                        returns.Add((day + 7 + (int)(_world.Next() * 14), product, allocation.FulfillmentCenter, sellable));
                    }
                }
            }

            var date = DateOf(day).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            foreach (var ((product, _), lots) in _lots)
            {
                foreach (var lot in lots)
                {
                    storage +=
                        lot.Units
                        * _costs.MonthlyFeePerUnit(Products[product].Item, day - lot.Day, date)
                        * HoldingCostSchedule.MonthsPerDay;
                }
            }

            for (var p = 0; p < Products.Count; p++)
            {
                var recent = DemandHistory(p, day).TakeLast(28).Average();
                if (recent > 0)
                {
                    daysOfSupplySum += OnHand(p) / recent;
                    daysOfSupplySamples++;
                }
            }

            foreach (var (product, center, units) in policy.Replenish(this, day).Where(o => o.Units > 0))
            {
                _inbound.Add((day + LeadTimeDays, product, center, units));
            }
        }

        var end = HistoryDays + SimulatedDays;
        var held = _lots.Values.SelectMany(l => l).ToList();
        return new SimulationOutcome(
            policy.Name,
            demanded,
            shipped,
            demanded == 0 ? 0 : (double)shipped / demanded,
            orders == 0 ? 0 : (double)split / orders,
            shipped == 0 ? 0 : transitUnitHours / shipped,
            daysOfSupplySamples == 0 ? 0 : daysOfSupplySum / daysOfSupplySamples,
            held.Where(l => end - l.Day > 90).Sum(l => l.Units),
            held.Where(l => end - l.Day > 180).Sum(l => l.Units),
            Math.Round(storage, 2),
            returned
        );
    }

    private int Stock(int product, string center) => _lots.TryGetValue((product, center), out var lots) ? lots.Sum(l => l.Units) : 0;

    private void Add(int product, string center, int units, int day)
    {
        if (units <= 0)
        {
            return;
        }

        if (!_lots.TryGetValue((product, center), out var lots))
        {
            _lots[(product, center)] = lots = [];
        }

        lots.Add(new Lot(day, units));
    }

    private void Take(int product, string center, int units)
    {
        var lots = _lots[(product, center)];
        while (units > 0)
        {
            var oldest = lots[0];
            var taken = Math.Min(units, oldest.Units);
            oldest.Units -= taken;
            units -= taken;
            if (oldest.Units == 0)
            {
                lots.RemoveAt(0);
            }
        }
    }

    private sealed class Lot(int day, int units)
    {
        public int Day { get; } = day;

        public int Units { get; set; } = units;
    }
}

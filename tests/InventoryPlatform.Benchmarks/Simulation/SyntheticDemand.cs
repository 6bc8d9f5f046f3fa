using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Benchmarks.Simulation;

/// <summary>One simulated product: how much sells, where, when, how often it comes back, and what a unit occupies.</summary>
public sealed record SimulatedProduct(
    string Fnsku,
    double BaseDailyUnits,
    double[] RegionShares,
    int PeakMonth,
    double SeasonAmplitude,
    double ReturnRate,
    ItemProfile Item,
    IReadOnlyList<(int FromDay, int ToDay, double Lift)> Promotions
);

/// <summary>
/// A seeded world of demand: per product a base rate, a weekly rhythm (weekend peak), a yearly season around the product's
/// peak month (or none), promotions that lift sales for a week, and a regional skew (each product sells unevenly across
/// the six US regions). Day 0 is the first day of the history year; the simulated year follows it.
/// </summary>
public sealed class SyntheticDemand
{
    public const int Regions = 6;
    private static readonly double[] Weekly = [0.85, 0.9, 0.95, 1.0, 1.1, 1.2, 1.0];
    private readonly Random _random;

    public SyntheticDemand(int products, int seed, DateOnly start)
    {
        _random = new Random(seed);
        Start = start;
        Products = Enumerable.Range(0, products).Select(NewProduct).ToList();
    }

    public DateOnly Start { get; }

    public IReadOnlyList<SimulatedProduct> Products { get; }

    /// <summary>Expected units of a product in a region on a day (the Poisson rate).</summary>
    public double Rate(SimulatedProduct product, int region, int day)
    {
        var date = Start.AddDays(day);
        var season = 1.0;
        if (product.PeakMonth > 0)
        {
            var distance = Math.Abs(date.Month - product.PeakMonth);
            distance = Math.Min(distance, 12 - distance);
            season = 1 + (product.SeasonAmplitude * Math.Max(0, 1 - (distance / 2.5)));
        }

        var lift = product.Promotions.Where(p => day >= p.FromDay && day <= p.ToDay).Select(p => p.Lift).DefaultIfEmpty(1).Max();
        return product.BaseDailyUnits * product.RegionShares[region] * Weekly[(int)date.DayOfWeek] * season * lift;
    }

    public int Draw(double rate)
    {
        // Knuth for small rates, a rounded normal approximation for large ones.
        if (rate > 30)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
            return Math.Max(0, (int)Math.Round(rate + (Math.Sqrt(rate) * normal)));
        }

        var limit = Math.Exp(-rate);
        var product = _random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }

        return count;
    }

    public double Next() => _random.NextDouble();

    private SimulatedProduct NewProduct(int index)
    {
        // Sales spread like a long tail: a few fast movers, many slow ones.
        var baseRate = Math.Round(0.4 * Math.Exp(_random.NextDouble() * 4.2), 2);
        var weights = Enumerable.Range(0, Regions).Select(_ => Math.Pow(_random.NextDouble(), 2) + 0.05).ToArray();
        var total = weights.Sum();
        var peak = _random.NextDouble() switch
        {
            < 0.35 => 0,
            < 0.65 => 12,
            < 0.85 => 7,
            _ => 3,
        };
        var promotions = new List<(int, int, double)>();
        for (var p = 0; p < 4; p++)
        {
            var from = _random.Next(0, 2 * 364 - 7);
            promotions.Add((from, from + 6, 1.5 + _random.NextDouble()));
        }

        var dimensions = new Dimensions(
            15 + _random.Next(30),
            10 + _random.Next(25),
            5 + _random.Next(20),
            0.2m + (decimal)_random.NextDouble() * 3
        );
        var price = Math.Round(8m + (decimal)_random.NextDouble() * 60m, 2);
        return new SimulatedProduct(
            $"SIM{index:D7}",
            baseRate,
            weights.Select(w => w / total).ToArray(),
            peak,
            peak == 0 ? 0 : 0.8 + _random.NextDouble() * 1.5,
            0.04 + _random.NextDouble() * 0.10,
            ItemProfile.From(StorageType.Standard, dimensions, price, price, "USD"),
            promotions
        );
    }
}

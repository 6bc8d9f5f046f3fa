using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// A small seller's panel: Dominick's canned tuna (bayesm's <c>tuna</c>), 7 brands over 338 weeks with their prices and
/// display share, forecast through the service's path (<see cref="DemandForecaster"/>, settings derived from the panel) from
/// 51 rolling origins, 1 and 2 weeks ahead, with every week's prices and display known in advance. Scored by MAPE against a
/// per-series price and promotion regression (log units on log price and display share, least squares on each brand's own
/// history up to the origin), the naive and the mean forecast: the service path must beat the regression.
/// </summary>
public sealed class TunaBenchmark : IBenchmark
{
    private const int Brands = 7;
    private const int Origins = 51;
    private static readonly int[] Horizons = [1, 2];

    public string Name => "forecast-tuna";

    public string Description =>
        "Canned tuna (7 brands, 338 weeks): 51 rolling origins, MAPE at 1 and 2 weeks of the service's DemandForecaster against a "
        + "per-series price/promotion regression.";

    public bool NeedsPlatform => false;

    public Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken) =>
        RunWithoutPlatformAsync(options, cancellationToken);

    public async Task RunWithoutPlatformAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var csv = await OrangeJuiceData.EnsureCsvAsync("tuna", "tuna", cancellationToken);
        var total = Stopwatch.StartNew();
        var brands = Load(csv);
        var weeks = brands[0].Units.Length;
        var point = options.Point;
        var settings = new ForecastSettings(HorizonDays: Horizons.Max(), PeriodDays: 7, Point: point, Horizons: Horizons);

        // Per method, per horizon: the absolute percentage errors over every origin and brand.
        var methods = new Dictionary<string, Func<int, double[][]>>
        {
            ["Naive"] = end => brands.Select(b => Horizons.Select(_ => b.Units[end - 1]).ToArray()).ToArray(),
            ["Mean"] = end => brands.Select(b => Horizons.Select(_ => b.Units[..end].Average()).ToArray()).ToArray(),
            [RegressionRow] = end => brands.Select(b => Regression(b, end)).ToArray(),
        };
        // --validation true takes the 51 origins before the test origins, so settings are compared on weeks the test never scores.
        var last = weeks - Horizons.Max() - (options.Values.GetValueOrDefault("validation") == "true" ? Origins : 0);
        var origins = Enumerable.Range(last - Origins + 1, Origins).ToList();
        Console.WriteLine($"{Brands} brands x {weeks} weeks; origins {origins[0]}-{origins[^1]}.");
        var errors = new ConcurrentDictionary<(string Method, int Horizon, int Origin), List<double>>();
        var chosen = new ConcurrentBag<string>();
        var capped = 0;
        Parallel.ForEach(origins, new ParallelOptions { MaxDegreeOfParallelism = 2 }, end =>
        {
            var service = DemandForecaster.Forecast(Panel(brands, end), settings);
            var all = methods.Select(m => (m.Key, Forecasts: m.Value(end))).Append((ServiceRow, service.Select(f => f.P50).ToArray()));
            foreach (var (name, forecasts) in all)
            {
                for (var j = 0; j < Horizons.Length; j++)
                {
                    errors[(name, Horizons[j], end)] = brands
                        .Select((b, s) => Math.Abs(forecasts[s][j] - b.Units[end + Horizons[j] - 1]) / b.Units[end + Horizons[j] - 1])
                        .ToList();
                }
            }

            foreach (var f in service)
            {
                chosen.Add(f.Model);
                if (f.Guard is not null)
                {
                    Interlocked.Increment(ref capped);
                }
            }
        });

        total.Stop();
        Console.WriteLine();
        Console.WriteLine(Stats.Row("method", "MAPE % at 1 week", "MAPE % at 2 weeks", "largest APE % at 2 weeks"));
        Console.WriteLine(Stats.Row("---", "---:", "---:", "---:"));
        foreach (var name in methods.Keys.Append(ServiceRow))
        {
            string Mape(int h) =>
                (100 * errors.Where(e => e.Key.Method == name && e.Key.Horizon == h).SelectMany(e => e.Value).Average()).ToString(
                    "0.00",
                    CultureInfo.InvariantCulture
                );
            var largest = 100 * errors.Where(e => e.Key.Method == name && e.Key.Horizon == 2).SelectMany(e => e.Value).Max();
            Console.WriteLine(Stats.Row(name, Mape(1), Mape(2), largest.ToString("0", CultureInfo.InvariantCulture)));
        }

        Console.WriteLine();
        Console.WriteLine(
            "Service path models chosen: "
                + string.Join(", ", chosen.GroupBy(m => m).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))
                + ";"
                + $" {capped} of {chosen.Count} forecasts capped by the guard; point forecast aims at {point}."
        );
        Console.WriteLine(
            $"{Origins} origins x {Brands} brands; whole run {total.Elapsed.TotalSeconds:0.0} s wall, "
                + $"{Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s CPU."
        );
    }

    private const string RegressionRow = "Per-series price/promotion regression (log units on log price and display)";
    private const string ServiceRow = "Service path (DemandForecaster: backtest-selected, global LightGBM, settings from the data)";

    /// <summary>The panel as the service sees it after week <paramref name="end"/>: units up to it, covariates up to the
    /// horizon, the brand as a static feature, a price cut of 10 % or more or a display on half the stores as promoted.</summary>
    private static List<DemandSeries> Panel(IReadOnlyList<Brand> brands, int end) =>
        brands
            .Select(b => new DemandSeries(
                $"tuna/{b.Index}",
                b.Units[..end],
                b.Covariates[..(end + Horizons.Max())],
                [b.Index],
                b.Covariates[..(end + Horizons.Max())].Select(c => c[RelativePriceColumn] <= 0.9 || c[DisplayColumn] >= 0.5).ToArray()
            ))
            .ToList();

    /// <summary>exp(a + b·log price + c·display) of each horizon, a, b, c by least squares on weeks 1..end of the brand.</summary>
    private static double[] Regression(Brand brand, int end)
    {
        var x = Enumerable.Range(0, end).Select(t => new[] { 1, brand.LogPrice[t], brand.Display[t] }).ToArray();
        var y = brand.Units[..end].Select(v => Math.Log(v)).ToArray();
        var beta = LeastSquares(x, y);
        return Horizons
            .Select(h => end + h - 1)
            .Select(t => Math.Exp(beta[0] + beta[1] * brand.LogPrice[t] + beta[2] * brand.Display[t]))
            .ToArray();
    }

    /// <summary>The β minimising |Xβ − y|², by the normal equations (plain least squares: no ridge, no weights).</summary>
    private static double[] LeastSquares(double[][] x, double[] y)
    {
        var k = x[0].Length;
        var a = new double[k, k + 1];
        for (var r = 0; r < x.Length; r++)
        {
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    a[i, j] += x[r][i] * x[r][j];
                }

                a[i, k] += x[r][i] * y[r];
            }
        }

        return PriceResponseModel.Solve(a, k);
    }

    private const int DisplayColumn = 3;
    private const int RelativePriceColumn = 5;

    /// <summary>The 7 brands: units, log price and display share per week, and each week's covariates: own price, its ratio to
    /// the brands' average and to the cheapest competitor, display share, week of year, own price over the median of the 13
    /// weeks before (<see cref="PriceFeatures.Relative"/>), and the 7 prices.</summary>
    private static List<Brand> Load(string csv)
    {
        var lines = File.ReadAllLines(csv).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        double[] Column(string name) =>
            header.IndexOf(name) is var i and >= 0
                ? rows.Select(r => r[i]).ToArray()
                : throw new InvalidDataException($"{csv} has no {name}.");
        var prices = Enumerable.Range(1, Brands).Select(b => Column($"LPRICE{b}").Select(Math.Exp).ToArray()).ToArray();
        return Enumerable
            .Range(1, Brands)
            .Select(b =>
            {
                var own = prices[b - 1];
                var display = Column($"NSALE{b}");
                var relative = PriceFeatures.Relative(own, 13);
                var covariates = own.Select(
                        (price, t) =>
                            new[]
                            {
                                price,
                                price / prices.Average(p => p[t]),
                                price / prices.Where((_, o) => o != b - 1).Min(p => p[t]),
                                display[t],
                                t % 52,
                                relative[t],
                            }
                                .Concat(prices.Select(p => p[t]))
                                .ToArray()
                    )
                    .ToArray();
                return new Brand(b, Column($"MOVE{b}"), own.Select(v => Math.Log(v)).ToArray(), display, covariates);
            })
            .ToList();
    }

    private sealed record Brand(int Index, double[] Units, double[] LogPrice, double[] Display, double[][] Covariates);
}

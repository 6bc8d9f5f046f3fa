using System.Diagnostics;
using System.Globalization;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Benchmarks;

/// <summary>
/// Microsoft TSPerf's OrangeJuice_Pt_3Weeks_Weekly benchmark on Dominick's orange-juice sales, run through the
/// Forecasting service's own models. 12 rounds: in round r the models see weeks 40 … 135 + 2(r − 1) and forecast
/// the 2nd and 3rd week after (one week gap); prices, deals and features of those weeks are known in advance.
/// Missing weeks are filled forward then backward per store and brand. MAPE is over units = round(exp(logmove))
/// for the forecast weeks that have actuals, pooled over all rounds.
/// </summary>
public sealed class OrangeJuiceBenchmark : IBenchmark
{
    private const int FirstWeek = 40;
    private const int LastWeek = 160;
    private const int Rounds = 12;
    private static readonly int[] Horizons = [2, 3];

    /// <summary>TSPerf's published MAPE (%) of each method.</summary>
    private static readonly (string Method, double Mape)[] Published =
    [
        ("Naive", 109.67), ("Seasonal naive", 165.06), ("Mean", 70.74), ("ARIMA", 70.80), ("ETS", 70.99),
        ("RNN", 37.68), ("DilatedCNN", 37.09), ("LightGBM", 36.28),
    ];

    public string Name => "forecast-orangejuice";

    public string Description => "TSPerf OrangeJuice_Pt_3Weeks_Weekly: 12 rounds, MAPE of baselines and the global LightGBM model vs published figures.";

    public bool NeedsPlatform => false;

    public Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken) =>
        RunWithoutPlatformAsync(options, cancellationToken);

    public async Task RunWithoutPlatformAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var csv = await OrangeJuiceData.EnsureCsvAsync(cancellationToken);
        var total = Stopwatch.StartNew();
        var data = OrangeJuiceData.Load(csv);
        var series = data.GroupBy(d => (d.Store, d.Brand)).OrderBy(g => g.Key).Select(g => Filled(g.ToList())).ToList();
        Console.WriteLine($"{data.Count} rows, {series.Count} store x brand series, weeks {FirstWeek}-{LastWeek}; {Environment.ProcessorCount} cores.");

        var methods = new (string Name, string Published, Func<SeriesWeeks, int, double[]>? Univariate)[]
        {
            ("Naive", "Naive", (s, end) => Units(new NaiveModel(), s, end)),
            ("Seasonal naive", "Seasonal naive", (s, end) => Units(new SeasonalNaiveModel(52), s, end)),
            // TSPerf's mean is taken of log units (the geometric mean of units), the scale its data is in.
            ("Mean", "Mean", (s, end) => LogUnits(new HistoricalMeanModel(), s, end)),
            ("Global gradient-boosted (LightGBM), weighted 1/units", "LightGBM", null),
            (MapeOptimal, "LightGBM", null),
        };
        var global = Options with
        {
            Trees = options.Values.TryGetValue("trees", out var trees) ? int.Parse(trees, CultureInfo.InvariantCulture) : Options.Trees,
            Threads = options.Values.TryGetValue("threads", out var threads) ? int.Parse(threads, CultureInfo.InvariantCulture) : Options.Threads,
            Leaves = options.Values.TryGetValue("leaves", out var leaves) ? int.Parse(leaves, CultureInfo.InvariantCulture) : Options.Leaves,
            LearningRate = options.Values.TryGetValue("lr", out var lr) ? double.Parse(lr, CultureInfo.InvariantCulture) : Options.LearningRate,
            WeighForPercentageError = !options.Values.TryGetValue("weigh", out var weigh) || weigh == "true",
            MaxTrainingRows = options.Values.TryGetValue("rows", out var rows) ? int.Parse(rows, CultureInfo.InvariantCulture) : Options.MaxTrainingRows,
        };
        var rounds = options.Values.TryGetValue("rounds", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : Rounds;
        var errors = methods.ToDictionary(m => m.Name, _ => new List<double>());
        var seconds = methods.ToDictionary(m => m.Name, _ => 0.0);

        for (var round = 1; round <= rounds; round++)
        {
            var trainEnd = 135 + 2 * (round - 1);
            (double[][] Median, double[][] MapeOptimal)? boosted = null;
            foreach (var (name, _, univariate) in methods)
            {
                var clock = Stopwatch.StartNew();
                boosted ??= univariate is null ? GlobalForecasts(series, trainEnd, global) : null;
                var forecasts = univariate is not null ? series.Select(s => univariate(s, trainEnd)).ToArray()
                    : name == MapeOptimal ? boosted!.Value.MapeOptimal : boosted!.Value.Median;
                seconds[name] += clock.Elapsed.TotalSeconds;

                for (var s = 0; s < series.Count; s++)
                {
                    for (var j = 0; j < Horizons.Length; j++)
                    {
                        var week = trainEnd + Horizons[j];
                        if (series[s].Actual.TryGetValue(week, out var logMove))
                        {
                            var actual = Math.Round(Math.Exp(logMove));
                            errors[name].Add(Math.Abs(forecasts[s][j] - actual) / actual);
                        }
                    }
                }
            }

            Console.WriteLine($"  round {round,2}: trained on weeks {FirstWeek}-{trainEnd}, forecast {trainEnd + 2}-{trainEnd + 3} ({total.Elapsed.TotalSeconds:0.0} s)");
        }

        total.Stop();
        Console.WriteLine();
        Console.WriteLine(Stats.Row("method", "MAPE % (ours)", "published MAPE %", "model time s"));
        Console.WriteLine(Stats.Row("---", "---:", "---:", "---:"));
        foreach (var (name, published, _) in methods)
        {
            var mape = 100 * errors[name].Average();
            Console.WriteLine(Stats.Row(name, mape.ToString("0.00", CultureInfo.InvariantCulture),
                Published.Single(p => p.Method == published).Mape.ToString("0.00", CultureInfo.InvariantCulture), seconds[name]));
        }

        foreach (var (method, mape) in Published.Where(p => methods.All(m => m.Published != p.Method)))
        {
            Console.WriteLine(Stats.Row(method + " (published only)", "", mape.ToString("0.00", CultureInfo.InvariantCulture), ""));
        }

        Console.WriteLine();
        Console.WriteLine($"{errors[methods[0].Name].Count} forecasts scored per method; whole run {total.Elapsed.TotalSeconds:0.0} s wall, " +
            $"{Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s CPU (data load, {rounds} rounds, all methods; load average {LoadAverage()}).");
    }

    /// <summary>The machine's 1-minute load average (Linux), to read the wall time against.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>The forecast units of weeks end+2 and end+3 of a univariate model fitted on units up to week end.</summary>
    private static double[] Units(IDemandModel model, SeriesWeeks series, int trainEnd)
    {
        var history = series.FilledLogMove(trainEnd).Select(Math.Exp).ToArray();
        var forecast = model.Forecast(history, Horizons.Max());
        return Horizons.Select(h => forecast[h - 1]).ToArray();
    }

    /// <summary>Like <see cref="Units"/>, with the model fitted on log units.</summary>
    private static double[] LogUnits(HistoricalMeanModel model, SeriesWeeks series, int trainEnd)
    {
        var forecast = model.Forecast(series.FilledLogMove(trainEnd), Horizons.Max());
        return Horizons.Select(h => Math.Exp(forecast[h - 1])).ToArray();
    }

    /// <summary>One global model per round over all series: log units from lags, rolling means, prices, deal, feature, store, brand, week.</summary>
    private const string MapeOptimal = "Global gradient-boosted (LightGBM), weighted 1/units, exp(-holdout variance) shift";

    private static (double[][] Median, double[][] MapeOptimal) GlobalForecasts(IReadOnlyList<SeriesWeeks> series, int trainEnd, GlobalModelOptions options)
    {
        var panel = series.Select(s => new PanelSeries(s.FilledLogMove(trainEnd), s.Covariates, [s.Store, s.Brand])).ToList();
        var clock = Stopwatch.StartNew();
        var model = GlobalBoostedModel.Train(panel, Horizons, options)
            ?? throw new InvalidOperationException("Too little data to train the global model.");
        var trained = clock.Elapsed.TotalSeconds;
        var logs = model.Predict(panel, Horizons);
        var variance = model.HoldoutResidualVariance ?? 0;
        Console.WriteLine($"    global model: trained in {trained:0.0} s, predicted in {clock.Elapsed.TotalSeconds - trained:0.0} s; holdout log variance {variance:0.000}");
        return (logs.Select(l => l.Select(Math.Exp).ToArray()).ToArray(),
                logs.Select(l => l.Select(v => GlobalBoostedModel.MapeOptimalFromLog(v, variance)).ToArray()).ToArray());
    }

    private static readonly GlobalModelOptions Options = new(
        Lags: 8,
        Windows: [4, 8, 13, 26, 52],
        SeasonLength: 52,
        ScaleByLevel: false,
        OriginStep: 1,
        MaxTrainingRows: 150_000,
        Trees: 150,
        Leaves: 63,
        LearningRate: 0.1,
        MinimumExamplesPerLeaf: 40,
        FeatureFraction: 0.8,
        IncludeOriginCovariates: true,
        HoldoutRecentPeriods: 4,
        Threads: 1);

    /// <summary>A store × brand series over weeks 40–160 with its actual log units and its covariates filled forward then backward.</summary>
    private static SeriesWeeks Filled(List<OrangeJuiceWeek> rows)
    {
        var byWeek = rows.ToDictionary(r => r.Week);
        var weeks = LastWeek - FirstWeek + 1;
        var covariates = new double[weeks][];
        OrangeJuiceWeek? last = null;
        for (var i = 0; i < weeks; i++)
        {
            last = byWeek.GetValueOrDefault(FirstWeek + i) ?? last;
            covariates[i] = last is null ? null! : Covariates(last, FirstWeek + i);
        }

        var firstKnown = Array.FindIndex(covariates, c => c is not null);
        for (var i = 0; i < firstKnown; i++)
        {
            covariates[i] = Covariates(byWeek[FirstWeek + firstKnown], FirstWeek + i);
        }

        // The own price against its own recent level (13 weeks): a promotion price cut, which other brands' prices do not show.
        for (var i = 0; i < weeks; i++)
        {
            var recent = covariates.Skip(Math.Max(0, i - 12)).Take(Math.Min(13, i + 1)).Average(c => c[0]);
            covariates[i] = [.. covariates[i], covariates[i][0] / recent];
        }

        return new SeriesWeeks(rows[0].Store, rows[0].Brand, rows.ToDictionary(r => r.Week, r => r.LogMove), covariates);
    }

    /// <summary>Own price, its ratio to the average of all brands, the cheapest competitor, deal, feature, week of year, and the 11 prices.</summary>
    private static double[] Covariates(OrangeJuiceWeek row, int week)
    {
        var own = row.Prices[row.Brand - 1];
        var competitors = row.Prices.Where((_, b) => b != row.Brand - 1).ToArray();
        return
        [
            own, own / row.Prices.Average(), own / competitors.Min(), row.Deal ? 1 : 0, row.Feature ? 1 : 0, week % 52,
            .. row.Prices,
        ];
    }

    private sealed record SeriesWeeks(int Store, int Brand, IReadOnlyDictionary<int, double> Actual, double[][] Covariates)
    {
        /// <summary>Log units of weeks 40..trainEnd, missing weeks filled forward then backward.</summary>
        public double[] FilledLogMove(int trainEnd)
        {
            var values = new double[trainEnd - FirstWeek + 1];
            double? last = null;
            for (var i = 0; i < values.Length; i++)
            {
                last = Actual.TryGetValue(FirstWeek + i, out var v) ? v : last;
                values[i] = last ?? double.NaN;
            }

            var first = Array.FindIndex(values, v => !double.IsNaN(v));
            for (var i = 0; i < first; i++)
            {
                values[i] = values[first];
            }

            return values;
        }
    }
}

using System.Collections.Concurrent;
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
        ("Naive", 109.67),
        ("Seasonal naive", 165.06),
        ("Mean", 70.74),
        ("ARIMA", 70.80),
        ("ETS", 70.99),
        ("RNN", 37.68),
        ("DilatedCNN", 37.09),
        ("LightGBM", 36.28),
    ];

    public string Name => "forecast-orangejuice";

    public string Description =>
        "TSPerf OrangeJuice_Pt_3Weeks_Weekly: 12 rounds, MAPE of baselines and the global LightGBM model vs published figures.";

    public bool NeedsPlatform => false;

    public Task RunAsync(BenchPlatform platform, BenchOptions options, CancellationToken cancellationToken) =>
        RunWithoutPlatformAsync(options, cancellationToken);

    public async Task RunWithoutPlatformAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var csv = await OrangeJuiceData.EnsureCsvAsync(cancellationToken);
        var total = Stopwatch.StartNew();
        var data = OrangeJuiceData.Load(csv);
        var series = data.GroupBy(d => (d.Store, d.Brand)).OrderBy(g => g.Key).Select(g => Filled(g.ToList())).ToList();
        Console.WriteLine(
            $"{data.Count} rows, {series.Count} store x brand series, weeks {FirstWeek}-{LastWeek}; {Environment.ProcessorCount} cores."
        );

        int Int(string name, int fallback) =>
            options.Values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double Number(string name, double fallback) =>
            options.Values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        bool Flag(string name, bool fallback) => options.Values.TryGetValue(name, out var v) ? v == "true" : fallback;

        var percentage = PercentageOptions with
        {
            Trees = Int("trees", PercentageOptions.Trees),
            Leaves = Int("leaves", PercentageOptions.Leaves),
            LearningRate = Number("lr", PercentageOptions.LearningRate),
            MinimumExamplesPerLeaf = Int("min-leaf", PercentageOptions.MinimumExamplesPerLeaf),
            FeatureFraction = Number("features", PercentageOptions.FeatureFraction),
            BaggingFraction = Number("bagging", PercentageOptions.BaggingFraction),
            CategoricalStatic = Flag("categorical", PercentageOptions.CategoricalStatic),
            MaxTrainingRows = Int("rows", PercentageOptions.MaxTrainingRows),
            HoldoutRecentPeriods = Int("holdout", PercentageOptions.HoldoutRecentPeriods),
            Lags = Int("lags", PercentageOptions.Lags),
            MaxBins = Int("bins", PercentageOptions.MaxBins),
            ScaleByLevel = Flag("scale", PercentageOptions.ScaleByLevel),
            LevelWindow = Int("level", PercentageOptions.LevelWindow),
            OriginStep = Int("step", PercentageOptions.OriginStep),
            IncludeOriginCovariates = Flag("origin-covariates", PercentageOptions.IncludeOriginCovariates),
            BaggingFrequency = Int("bagging-freq", PercentageOptions.BaggingFrequency),
        };
        var logWeighted = LogOptions with { WeighForPercentageError = Flag("weigh", true) };
        var models = (options.Values.TryGetValue("models", out var m) ? m : "mape").Split(',');
        var methods = new List<(string Name, string Published, Func<SeriesWeeks, int, double[]>? Univariate)>
        {
            ("Naive", "Naive", (s, end) => Units(new NaiveModel(), s, end)),
            ("Seasonal naive", "Seasonal naive", (s, end) => Units(new SeasonalNaiveModel(52), s, end)),
            // TSPerf's mean is taken of log units (the geometric mean of units), the scale its data is in.
            ("Mean", "Mean", (s, end) => LogUnits(new HistoricalMeanModel(), s, end)),
        };
        if (models.Contains("mape"))
        {
            methods.Add((PercentageRow, "LightGBM", null));
            if (percentage.HoldoutRecentPeriods > 0)
            {
                methods.Add((PercentageScaledRow, "LightGBM", null));
            }
        }

        if (models.Contains("log"))
        {
            methods.Add((LogRow, "LightGBM", null));
            methods.Add((LogShiftedRow, "LightGBM", null));
        }

        // --validation true moves every round 25 weeks back, so all forecast weeks (112-135) lie inside the first round's
        // training data: settings are compared there, never on the test weeks 137-160.
        var firstTrainEnd = Flag("validation", false) ? 110 : 135;
        var rounds = Int("rounds", Rounds);
        var results = new Dictionary<string, List<double>>[rounds];
        var seconds = new double[rounds];
        var log = new string[rounds];
        // Rounds are independent; with LightGBM on one thread per model, two rounds at once use both cores. Each worker
        // takes the next round when it is free, the latest (largest) rounds first, so neither core idles at the end
        // (Parallel.For's ranges gave one core rounds 1-6 and the other the longer 7-12).
        var longestFirst = Partitioner.Create(Enumerable.Range(0, rounds).Reverse(), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(longestFirst, new ParallelOptions { MaxDegreeOfParallelism = Int("parallel", 2) }, index =>
        {
            var trainEnd = firstTrainEnd + 2 * index;
            var clock = Stopwatch.StartNew();
            var forecasts = methods
                .Where(x => x.Univariate is not null)
                .ToDictionary(x => x.Name, x => series.Select(s => x.Univariate!(s, trainEnd)).ToArray());
            var notes = new List<string>();
            if (models.Contains("mape"))
            {
                var (raw, scaled, note) = PercentageForecasts(series, trainEnd, percentage);
                forecasts[PercentageRow] = raw;
                forecasts[PercentageScaledRow] = scaled;
                notes.Add(note);
            }

            if (models.Contains("log"))
            {
                var (median, shifted, note) = LogForecasts(series, trainEnd, logWeighted);
                forecasts[LogRow] = median;
                forecasts[LogShiftedRow] = shifted;
                notes.Add(note);
            }

            results[index] = methods.ToDictionary(x => x.Name, x => Errors(series, trainEnd, forecasts[x.Name]));
            seconds[index] = clock.Elapsed.TotalSeconds;
            log[index] =
                $"  round {index + 1, 2}: trained on weeks {FirstWeek}-{trainEnd}, forecast {trainEnd + 2}-{trainEnd + 3} "
                + $"in {seconds[index]:0.0} s ({string.Join("; ", notes)}), done at {total.Elapsed.TotalSeconds:0.0} s";
        });

        total.Stop();
        foreach (var line in log)
        {
            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine(Stats.Row("method", "MAPE % (ours)", "published MAPE %"));
        Console.WriteLine(Stats.Row("---", "---:", "---:"));
        foreach (var (name, published, _) in methods)
        {
            var mape = 100 * results.SelectMany(r => r[name]).Average();
            Console.WriteLine(
                Stats.Row(
                    name,
                    mape.ToString("0.00", CultureInfo.InvariantCulture),
                    Published.Single(p => p.Method == published).Mape.ToString("0.00", CultureInfo.InvariantCulture)
                )
            );
        }

        foreach (var (method, mape) in Published.Where(p => methods.All(x => x.Published != p.Method)))
        {
            Console.WriteLine(Stats.Row(method + " (published only)", "", mape.ToString("0.00", CultureInfo.InvariantCulture)));
        }

        Console.WriteLine();
        Console.WriteLine(
            $"{results.Sum(r => r[methods[0].Name].Count)} forecasts scored per method; whole run {total.Elapsed.TotalSeconds:0.0} s wall, "
                + $"{Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s CPU (data load, {rounds} rounds, all methods; load "
                + $"average {LoadAverage()})."
        );
    }

    /// <summary>The absolute percentage error of every forecast of weeks trainEnd+2 and trainEnd+3 that has an actual.</summary>
    private static List<double> Errors(IReadOnlyList<SeriesWeeks> series, int trainEnd, double[][] forecasts)
    {
        var errors = new List<double>();
        for (var s = 0; s < series.Count; s++)
        {
            for (var j = 0; j < Horizons.Length; j++)
            {
                if (series[s].Actual.TryGetValue(trainEnd + Horizons[j], out var logMove))
                {
                    var actual = Math.Round(Math.Exp(logMove));
                    errors.Add(Math.Abs(forecasts[s][j] - actual) / actual);
                }
            }
        }

        return errors;
    }

    /// <summary>The machine's 1-minute load average (Linux), to read the wall time against.</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

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

    private const string PercentageRow = "Global gradient-boosted (LightGBM), MAPE objective on units";
    private const string PercentageScaledRow = "Global gradient-boosted (LightGBM), MAPE objective on units, x holdout MAPE-optimal factor";
    private const string LogRow = "Global gradient-boosted (LightGBM), log units weighted 1/units";
    private const string LogShiftedRow = "Global gradient-boosted (LightGBM), log units weighted 1/units, exp(-holdout variance) shift";

    /// <summary>One global model per round over all series, on units with LightGBM's MAPE objective; raw and scaled by the holdout's
    /// factor.</summary>
    private static (double[][] Raw, double[][] Scaled, string Note) PercentageForecasts(
        IReadOnlyList<SeriesWeeks> series,
        int trainEnd,
        GlobalModelOptions options
    )
    {
        var panel = series
            .Select(s => new PanelSeries(
                s.FilledLogMove(trainEnd).Select(v => Math.Round(Math.Exp(v))).ToArray(),
                s.Covariates,
                [s.Store, s.Brand]
            ))
            .ToList();
        var clock = Stopwatch.StartNew();
        var model = GlobalBoostedModel.Train(panel, Horizons, options)
            ?? throw new InvalidOperationException("Too little data to train the global model.");
        var trained = clock.Elapsed.TotalSeconds;
        var raw = model.Predict(panel, Horizons);
        var k = model.HoldoutPercentageErrorScale ?? 1;
        return (
            raw,
            raw.Select(r => r.Select(v => k * v).ToArray()).ToArray(),
            $"MAPE model trained in {trained:0.0} s, predicted in {clock.Elapsed.TotalSeconds - trained:0.0} s, holdout factor {k:0.000}"
        );
    }

    /// <summary>One global model per round over all series on log units weighted 1/units; its exp and its exp(−holdout σ²) shift.</summary>
    private static (double[][] Median, double[][] Shifted, string Note) LogForecasts(
        IReadOnlyList<SeriesWeeks> series,
        int trainEnd,
        GlobalModelOptions options
    )
    {
        var panel = series.Select(s => new PanelSeries(s.FilledLogMove(trainEnd), s.Covariates, [s.Store, s.Brand])).ToList();
        var model = GlobalBoostedModel.Train(panel, Horizons, options)
            ?? throw new InvalidOperationException("Too little data to train the global model.");
        var logs = model.Predict(panel, Horizons);
        var variance = model.HoldoutResidualVariance ?? 0;
        return (
            logs.Select(l => l.Select(Math.Exp).ToArray()).ToArray(),
            logs.Select(l => l.Select(v => GlobalBoostedModel.MapeOptimalFromLog(v, variance)).ToArray()).ToArray(),
            $"holdout log variance {variance:0.000}"
        );
    }

    /// <summary>The earlier model: log units, 150 trees of 63 leaves, weighted 1/units, 4 recent weeks held out for σ².</summary>
    private static readonly GlobalModelOptions LogOptions = new(
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
        Threads: 1
    );

    /// <summary>
    /// Units with LightGBM's MAPE objective, store and brand as categories; leaves, leaf size, learning rate, feature and
    /// bagging fractions as in TSPerf's LightGBM solution, fixed before any run. The last 2 weeks of each round's training
    /// targets are held out for the MAPE-optimal factor (2 rather than 4, and 8 lags rather than 16, by the
    /// <c>--validation true</c> rounds, whose forecast weeks 112-135 precede the test weeks).
    /// </summary>
    private static readonly GlobalModelOptions PercentageOptions = LogOptions with
    {
        Objective = BoostingObjective.PercentageError,
        CategoricalStatic = true,
        // 120 trees at 0.15 on 63 bins, not TSPerf's ~200 at 0.1 on 255: the best validation-round MAPE among the
        // settings whose 12-round run fits the 60 s budget on two cores (see docs/forecasting.md).
        Trees = 120,
        Leaves = 124,
        MinimumExamplesPerLeaf = 340,
        LearningRate = 0.15,
        MaxBins = 63,
        FeatureFraction = 0.65,
        BaggingFraction = 0.87,
        BaggingFrequency = 1,
        HoldoutRecentPeriods = 2,
    };

    /// <summary>A store × brand series over weeks 40–160 with its actual log units and its covariates filled forward then
    /// backward.</summary>
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

    /// <summary>Own price, its ratio to the average of all brands, the cheapest competitor, deal, feature, week of year, the 11 prices and
    /// the profit margin.</summary>
    private static double[] Covariates(OrangeJuiceWeek row, int week)
    {
        var own = row.Prices[row.Brand - 1];
        var competitors = row.Prices.Where((_, b) => b != row.Brand - 1).ToArray();
        return
        [
            own,
            own / row.Prices.Average(),
            own / competitors.Min(),
            row.Deal ? 1 : 0,
            row.Feature ? 1 : 0,
            week % 52,
            .. row.Prices,
            row.Profit,
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

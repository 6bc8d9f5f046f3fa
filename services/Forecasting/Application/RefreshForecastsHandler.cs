using System.Diagnostics;
using System.Text.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// Runs a refresh operation: remakes a seller's forecasts from its sales history and calendar, stores them, measures the
/// accuracy of the previous ones against the actuals that arrived, re-evaluates replenishment, publishes DemandForecastUpdated
/// per FNSKU and schedules the seller's next refresh. The models run outside any transaction; their results are stored in
/// transactions of <see cref="FnskusPerTransaction"/> FNSKUs, each with the operation's progress and a check that this
/// replica still holds it, so a seller with 10,000 series neither holds one long transaction nor a request open. Starting
/// one (a seller's request or the schedule) only queues it; <see cref="RefreshOperationRunner"/> claims and runs it.
/// </summary>
public sealed class RefreshForecastsHandler(
    Database database,
    SalesRepository sales,
    CalendarRepository calendar,
    PriceRepository prices,
    MarketplaceSettingsRepository marketplaceSettings,
    ForecastRepository forecasts,
    RefreshOperationRepository operations,
    ReplenishmentEvaluator replenishment,
    Outbox outbox,
    ForecastingOptions options,
    TimeProvider time,
    ILogger<RefreshForecastsHandler> logger
)
{
    public const int HorizonDays = 91;
    public const int AccuracyWindowDays = 28;
    public const int FnskusPerTransaction = 500;
    public const int ErrorsKept = 20;
    public const string Requested = "request";
    public const string Scheduled = "schedule";

    /// <summary>
    /// The seller's queued or running refresh, or a new queued one: a seller has at most one at a time (decided under the
    /// seller's schedule-row lock). Created is false when an earlier one was returned.
    /// </summary>
    public async Task<(RefreshOperation Operation, bool Created)> StartAsync(UnitOfWork unit, string sellerId, Guid correlationId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await forecasts.LockSellerAsync(unit, sellerId, now);
        return await operations.ActiveAsync(unit, sellerId) is { } active
            ? (active, false)
            : (await operations.AddAsync(unit, sellerId, Requested, correlationId, now), true);
    }

    /// <summary>
    /// Queues a refresh for every seller whose refresh is due (unless one is queued or running) and moves each seller's next
    /// due time a full interval on; sellers are claimed with skip-locked rows, so replicas never queue the same seller twice.
    /// </summary>
    public Task<int> QueueDueAsync(CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async unit =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                var queued = 0;
                foreach (var sellerId in await forecasts.ClaimDueAsync(unit, now, 100))
                {
                    if (await operations.ActiveAsync(unit, sellerId) is null)
                    {
                        await operations.AddAsync(unit, sellerId, Scheduled, Guid.CreateVersion7(), now);
                        queued++;
                    }

                    await forecasts.ScheduleNextAsync(unit, sellerId, now, now + options.RefreshInterval);
                }

                return queued;
            },
            cancellationToken
        );

    /// <summary>
    /// Runs an operation this replica has claimed (as <paramref name="owner"/>) to its end: succeeded, with its counts. Throws
    /// <see cref="RefreshLeaseLostException"/> when another replica took it over; the caller records other failures.
    /// </summary>
    public async Task<RefreshOperation> RunAsync(RefreshOperation operation, string owner, CancellationToken cancellationToken)
    {
        var sellerId = operation.SellerId;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var watch = Stopwatch.StartNew();
        var (items, panel, skipped) = await database.InTransactionAsync(unit => PanelAsync(unit, sellerId, today), cancellationToken);
        var loaded = watch.Elapsed;
        var tally = new Tally(panel.Count, skipped);
        await Progress(operation.Id, owner, tally, "forecasting", cancellationToken);

        var results = await Task.Run(() => Forecast(panel, today), cancellationToken);
        var modelled = watch.Elapsed;
        var store = new StoreTimes();

        var byFnsku = panel
            .Select((p, i) => (p.Fnsku, p.Region, Forecast: results[i]))
            .GroupBy(x => x.Fnsku, StringComparer.Ordinal)
            .ToList();
        var forecastFnskus = byFnsku.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var unforecast = items.Where(i => !forecastFnskus.Contains(i.Fnsku)).Select(i => i.Fnsku).ToList();
        foreach (var chunk in byFnsku.Chunk(FnskusPerTransaction))
        {
            await database.InTransactionAsync(
                async unit =>
                {
                    var counted = tally.Copy();
                    await SaveChunkAsync(unit, sellerId, operation.CorrelationId, chunk, today, now, counted, store);

                    await operations.ProgressAsync(unit, operation.Id, owner, counted.Row("saving"), time.GetUtcNow().UtcDateTime);
                    tally = counted; // only once its work is committed (a retried transaction counts again from the last)
                },
                cancellationToken
            );
        }

        return await database.InTransactionAsync(
            async unit =>
            {
                // FNSKUs without sales in the history window keep any earlier forecast; their restock decision is re-made too.
                foreach (var fnskus in unforecast.Chunk(FnskusPerTransaction))
                {
                    await replenishment.EvaluateManyAsync(unit, sellerId, fnskus, operation.CorrelationId);
                }

                var finished = time.GetUtcNow().UtcDateTime;
                await forecasts.ScheduleNextAsync(unit, sellerId, finished, finished + options.RefreshInterval);
                await operations.FinishAsync(unit, operation.Id, owner, RefreshOperation.Succeeded, tally.Row("done"), finished);
                logger.LogInformation(
                    "Refresh {Operation}: {Series} series loaded in {Load:0.0} s, forecast in {Models:0.0} s, stored in {Store:0.0} s "
                        + "(forecasts {Forecasts:0.0} s, accuracy and events {Events:0.0} s, track {Track:0.0} s, restock decisions "
                        + "{Restock:0.0} s).",
                    operation.Id,
                    tally.Total,
                    loaded.TotalSeconds,
                    (modelled - loaded).TotalSeconds,
                    (watch.Elapsed - modelled).TotalSeconds,
                    store.Forecasts.TotalSeconds,
                    store.Events.TotalSeconds,
                    store.Track.TotalSeconds,
                    store.Restock.TotalSeconds
                );
                return operation with
                {
                    Status = RefreshOperation.Succeeded,
                    SeriesTotal = tally.Total,
                    SeriesDone = tally.Done,
                    Forecast = tally.Forecast,
                    Skipped = tally.Skipped,
                    Guarded = tally.Guarded,
                    FinishedAt = finished,
                };
            },
            cancellationToken
        );
    }

    /// <summary>Records a failed operation with its reason, after the earlier errors (the failed work's transaction rolled back).</summary>
    public async Task FailAsync(Guid operationId, string owner, string reason, CancellationToken cancellationToken)
    {
        var current = await operations.FindAsync(operationId, cancellationToken);
        var errors = current is null ? [] : JsonSerializer.Deserialize<List<RefreshError>>(current.Errors, JsonDefaults.Options) ?? [];
        if (errors.Count < ErrorsKept)
        {
            errors.Add(new RefreshError(null, reason));
        }

        await database.InTransactionAsync(
            unit =>
                operations.FailAsync(
                    unit,
                    operationId,
                    owner,
                    JsonSerializer.Serialize(errors, JsonDefaults.Options),
                    time.GetUtcNow().UtcDateTime
                ),
            cancellationToken
        );
    }

    /// <summary>
    /// Forecasts the daily and the weekly series of a panel, each group with the settings its period and history call for
    /// (only what is asked is set; tree and leaf size, lags, windows and season follow the panel), and spreads each weekly
    /// forecast evenly over the days, which is what is stored and what replenishment plans with.
    /// </summary>
    private SeriesForecast[] Forecast(List<PanelEntry> panel, DateOnly today)
    {
        var results = new SeriesForecast[panel.Count];
        foreach (var group in panel.Select((entry, index) => (Entry: entry, Index: index)).GroupBy(x => x.Entry.Period))
        {
            var series = group.Select(x => x.Entry.Series).ToList();
            var lengths = series.Select(x => x.Units.Length).Order().ToArray();
            var settings = ForecastSettings.For(
                group.Key,
                today,
                HorizonDays,
                lengths[lengths.Length / 2],
                options.UseGlobalModel,
                options.GlobalTrees
            );
            var forecasts = DemandForecaster.Forecast(series, settings);
            foreach (var ((_, index), forecast) in group.Zip(forecasts))
            {
                if (group.Key == ForecastPeriod.Weekly)
                {
                    var (p10, p50, p90) = WeeklyPeriods.Daily(today, HorizonDays, forecast.P10, forecast.P50, forecast.P90);
                    results[index] = forecast with { P10 = p10, P50 = p50, P90 = p90 };
                }
                else
                {
                    results[index] = forecast;
                }
            }
        }

        return results;
    }

    private Task Progress(Guid operationId, string owner, Tally tally, string phase, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            unit => operations.ProgressAsync(unit, operationId, owner, tally.Row(phase), time.GetUtcNow().UtcDateTime),
            cancellationToken
        );

    private async Task<(IReadOnlyList<SalesRepository.ItemRow> Items, List<PanelEntry> Panel, int Skipped)> PanelAsync(
        UnitOfWork unit,
        string sellerId,
        DateOnly today
    )
    {
        var items = await sales.ItemsAsync(unit, sellerId);
        var history = await sales.SalesAsync(unit, sellerId, today);
        var holidays = await calendar.HolidaysAsync(unit, sellerId);
        var promotions = await calendar.PromotionsAsync(unit, sellerId);
        var pricesByFnsku = await prices.PricesAsync(unit, sellerId);
        var periods = await marketplaceSettings.PeriodsAsync(unit, sellerId);
        var earliest = today.AddDays(-options.HistoryDays);
        var horizonWeeks = WeeklyPeriods.HorizonWeeks(today, HorizonDays);

        var regions = history.Select(s => s.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var byFnsku = history.Where(s => s.Date >= earliest).ToLookup(s => s.Fnsku, StringComparer.Ordinal);
        var promotionsByFnsku = promotions.ToLookup(p => p.Fnsku, StringComparer.Ordinal);
        // Items without promotions whose price never moves (one price or none) and that start on the same day in the same
        // marketplace share one covariate matrix.
        var sharedCovariates = new Dictionary<(DateOnly, string), (double[][] Covariates, bool[] Promoted)>();
        var panel = new List<PanelEntry>();
        var skipped = 0;
        foreach (var item in items)
        {
            var sold = byFnsku[item.Fnsku].ToList();
            var period = periods.GetValueOrDefault(item.Marketplace, ForecastPeriod.Daily);
            var start = sold.Count == 0 ? today : sold.Min(s => s.Date);
            var firstWeek = WeeklyPeriods.WeekStart(start);
            var weeks = (WeeklyPeriods.WeekStart(today).DayNumber - firstWeek.DayNumber) / 7;
            if (sold.Count == 0 || (period == ForecastPeriod.Weekly && weeks == 0))
            {
                skipped++;
                continue;
            }

            var days = today.DayNumber - start.DayNumber;
            var promotionDays = promotionsByFnsku[item.Fnsku]
                .Select(p => new PromotionDays(p.StartsOn, p.EndsOn, (double)p.DiscountPercent, p.Featured))
                .ToList();
            var itemPrices = pricesByFnsku[item.Fnsku].ToList();
            var shared = promotionDays.Count == 0 && PriceFeatures.IsFlat(itemPrices, []);
            var (covariateStart, covariateDays) =
                period == ForecastPeriod.Weekly ? (firstWeek, 7 * (weeks + horizonWeeks)) : (start, days + HorizonDays);
            if (!shared || !sharedCovariates.TryGetValue((covariateStart, item.Marketplace), out var calendarRows))
            {
                var holidayDates = holidays.Where(h => h.Marketplace == item.Marketplace).Select(h => h.Date).ToHashSet();
                var covariates = CalendarFeatures.Daily(covariateStart, covariateDays, holidayDates, promotionDays, itemPrices);
                if (period == ForecastPeriod.Weekly)
                {
                    covariates = WeeklyPeriods.Covariates(firstWeek, covariates);
                }

                calendarRows = (covariates, covariates.Select(c => c[CalendarFeatures.PromotionColumn] > 0).ToArray());
                if (shared)
                {
                    sharedCovariates[(covariateStart, item.Marketplace)] = calendarRows;
                }
            }

            foreach (var region in sold.Select(s => s.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var units = new double[days];
                foreach (var sale in sold.Where(s => s.Region == region))
                {
                    units[sale.Date.DayNumber - start.DayNumber] += sale.Units;
                }

                if (period == ForecastPeriod.Weekly)
                {
                    units = WeeklyPeriods.Units(start, units, today).Units;
                }

                var series = new DemandSeries(
                    $"{item.Fnsku}/{region}",
                    units,
                    calendarRows.Covariates,
                    [regions.IndexOf(region)],
                    calendarRows.Promoted
                );
                panel.Add(new PanelEntry(item.Fnsku, region, period, series));
            }
        }

        return (items, panel, skipped);
    }

    /// <summary>
    /// Stores the regional forecasts of a chunk of FNSKUs in bulk, measures the accuracy of their previous forecasts, tracks the
    /// new ones, adds their DemandForecastUpdated events and re-makes their restock decisions. A series without a finite
    /// forecast is counted as an error and its region keeps the forecast it had.
    /// </summary>
    private async Task SaveChunkAsync(
        UnitOfWork unit,
        string sellerId,
        Guid correlationId,
        IReadOnlyList<IGrouping<string, (string Fnsku, string Region, SeriesForecast Forecast)>> chunk,
        DateOnly today,
        DateTimeOffset now,
        Tally tally,
        StoreTimes times
    )
    {
        var step = Stopwatch.StartNew();
        var fnskus = chunk.Select(g => g.Key).ToList();
        // The item rows first, in the order a stock change's re-evaluation takes them, so the two never wait on each other crosswise.
        await forecasts.LockItemsAsync(unit, sellerId, fnskus);
        var whole = new List<StoredForecast>();
        var saved = new List<(string Fnsku, List<(string Region, SeriesForecast Forecast)> Regions)>();
        foreach (var regional in chunk)
        {
            var mine = new List<(string Region, SeriesForecast Forecast)>();
            foreach (var (_, region, forecast) in regional)
            {
                tally.Done++;
                if (!IsFinite(forecast))
                {
                    tally.Error(forecast.Key, "The models gave no finite forecast; the region keeps its earlier one, if any.");
                    continue;
                }

                tally.Forecast++;
                tally.Guarded += forecast.Guard is null ? 0 : 1;
                mine.Add((region, forecast));
            }

            if (mine.Count == 0)
            {
                continue;
            }

            if (mine.Count == regional.Count())
            {
                whole.AddRange(mine.Select(m => new StoredForecast(regional.Key, m.Region, m.Forecast, "")));
            }
            else
            {
                foreach (var (region, forecast) in mine)
                {
                    await forecasts.SaveForecastAsync(
                        unit,
                        sellerId,
                        regional.Key,
                        region,
                        forecast,
                        Candidates(forecast),
                        today,
                        now.UtcDateTime
                    );
                }

                await forecasts.KeepRegionsAsync(unit, sellerId, regional.Key, regional.Select(r => r.Region).ToList());
            }

            saved.Add((regional.Key, mine));
        }

        // Every candidate's backtest as JSON: the CPU-heaviest part of storing, spread over the cores.
        var candidates = new string[whole.Count];
        Parallel.For(0, whole.Count, i => candidates[i] = Candidates(whole[i].Forecast));
        whole = whole.Select((w, i) => w with { CandidatesJson = candidates[i] }).ToList();
        await forecasts.ReplaceForecastsAsync(unit, sellerId, whole, today, now.UtcDateTime);
        times.Forecasts += step.Elapsed;
        step.Restart();
        var totals = saved
            .Select(s =>
                (
                    s.Fnsku,
                    Total: (IReadOnlyList<ForecastPoint>)
                        Enumerable
                            .Range(0, HorizonDays)
                            .Select(d => new ForecastPoint(
                                today.AddDays(d),
                                s.Regions.Sum(m => m.Forecast.P10[d]),
                                s.Regions.Sum(m => m.Forecast.P50[d]),
                                s.Regions.Sum(m => m.Forecast.P90[d])
                            ))
                            .ToList()
                )
            )
            .ToList();

        // Accuracy first: the track still holds what was forecast for the days that just passed.
        var tracked = await forecasts.TrackedManyAsync(
            unit,
            sellerId,
            saved.Select(s => s.Fnsku).ToList(),
            today.AddDays(-AccuracyWindowDays),
            today
        );
        var batch = new StatementBatch(unit);
        foreach (var ((fnsku, regions), (_, total)) in saved.Zip(totals))
        {
            if (tracked[fnsku].ToList() is { Count: > 0 } days)
            {
                forecasts.SaveAccuracy(batch, sellerId, Accuracy(fnsku, days, now.UtcDateTime));
            }

            var model = string.Join(
                "+",
                regions.Select(m => m.Forecast.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            );
            outbox.Add(
                batch,
                new DemandForecastUpdated(
                    Guid.CreateVersion7(),
                    now,
                    sellerId,
                    correlationId,
                    fnsku,
                    today,
                    HorizonDays,
                    total.Sum(t => t.P50),
                    regions.Select(m => new RegionalDemand(m.Region, m.Forecast.P50.Average(), m.Forecast.P90.Average())).ToList(),
                    model.Length <= 40 ? model : model[..40]
                )
            );
        }

        await batch.ExecuteAsync();
        times.Events += step.Elapsed;
        step.Restart();
        await forecasts.TrackManyAsync(unit, sellerId, totals, today);
        times.Track += step.Elapsed;
        step.Restart();
        var known = whole
            .GroupBy(w => w.Fnsku, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                    g.SelectMany(w =>
                            w.Forecast.P50.Select(
                                (p50, d) => new ForecastDay(w.Region, today.AddDays(d), w.Forecast.P10[d], p50, w.Forecast.P90[d])
                            )
                        )
                        .ToList(),
                StringComparer.Ordinal
            );
        await replenishment.EvaluateManyAsync(unit, sellerId, fnskus, correlationId, known);
        times.Restock += step.Elapsed;
    }

    private static string Candidates(SeriesForecast forecast) => JsonSerializer.Serialize(forecast.Candidates, JsonDefaults.Options);

    private static bool IsFinite(SeriesForecast forecast) =>
        forecast.P10.All(double.IsFinite) && forecast.P50.All(double.IsFinite) && forecast.P90.All(double.IsFinite);

    /// <summary>MAPE, WAPE and bias of the tracked P50; coverage and pinball loss over the days tracked with an interval.</summary>
    private static AccuracyRecord Accuracy(string fnsku, IReadOnlyList<TrackedDay> tracked, DateTime now)
    {
        var point = ForecastAccuracy.Of(tracked.Select(t => t.Actual).ToList(), tracked.Select(t => t.P50).ToList());
        var withInterval = tracked.Where(t => t.P10 is not null && t.P90 is not null).ToList();
        var interval = IntervalAccuracy.Of(
            withInterval.Select(t => t.Actual).ToList(),
            withInterval.Select(t => t.P10!.Value).ToList(),
            withInterval.Select(t => t.P50).ToList(),
            withInterval.Select(t => t.P90!.Value).ToList()
        );
        return new AccuracyRecord(fnsku, point.Mape, point.Wape, point.Bias, point.Points, now, interval.Coverage, interval.Pinball);
    }

    /// <summary>Where storing a refresh's results spends its time, summed over its transactions (for the log).</summary>
    private sealed class StoreTimes
    {
        public TimeSpan Forecasts { get; set; }
        public TimeSpan Events { get; set; }
        public TimeSpan Track { get; set; }
        public TimeSpan Restock { get; set; }
    }

    private sealed record PanelEntry(string Fnsku, string Region, ForecastPeriod Period, DemandSeries Series);

    /// <summary>A running refresh's counts; copied per transaction so that a rolled-back transaction counts nothing.</summary>
    private sealed class Tally(int total, int skipped)
    {
        private List<RefreshError> _errors = [];

        public int Total { get; } = total;
        public int Skipped { get; } = skipped;
        public int Done { get; set; }
        public int Forecast { get; set; }
        public int Guarded { get; set; }

        public void Error(string? series, string reason)
        {
            if (_errors.Count < ErrorsKept)
            {
                _errors.Add(new RefreshError(series, reason));
            }
        }

        public Tally Copy() =>
            new(Total, Skipped)
            {
                Done = Done,
                Forecast = Forecast,
                Guarded = Guarded,
                _errors = [.. _errors],
            };

        public RefreshTally Row(string phase) =>
            new(phase, Total, Done, Forecast, Skipped, Guarded, JsonSerializer.Serialize(_errors, JsonDefaults.Options));
    }
}

using System.Text.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// Remakes a seller's forecasts from its sales history and calendar, stores them, measures the accuracy of the
/// previous ones against the actuals that arrived, re-evaluates replenishment, publishes DemandForecastUpdated per
/// FNSKU, and schedules the seller's next refresh, all in one transaction: on demand for one seller, or for the next
/// seller whose refresh is due (several replicas share those by skip-locked claims).
/// </summary>
public sealed class RefreshForecastsHandler(
    Database database,
    SalesRepository sales,
    CalendarRepository calendar,
    ForecastRepository forecasts,
    ReplenishmentEvaluator replenishment,
    Outbox outbox,
    ForecastingOptions options,
    TimeProvider time
)
{
    public const int HorizonDays = 91;
    public const int AccuracyWindowDays = 28;

    /// <summary>Refreshes the seller's forecasts now; the scheduled refresh then comes a full interval later.</summary>
    public Task<RefreshSummary> HandleAsync(string sellerId, Guid correlationId, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async unit =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                await forecasts.LockSellerAsync(unit, sellerId, now);
                var summary = await RefreshAsync(unit, sellerId, correlationId);
                await forecasts.ScheduleNextAsync(unit, sellerId, now, now + options.RefreshInterval);
                return summary;
            },
            cancellationToken
        );

    /// <summary>Refreshes one seller whose refresh is due; null when none is due.</summary>
    public Task<RefreshSummary?> RefreshNextDueAsync(CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async unit =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                var due = await forecasts.ClaimDueAsync(unit, now, 1);
                if (due.Count == 0)
                {
                    return null;
                }

                var summary = await RefreshAsync(unit, due[0], Guid.CreateVersion7());
                await forecasts.ScheduleNextAsync(unit, due[0], now, now + options.RefreshInterval);
                return (RefreshSummary?)summary;
            },
            cancellationToken
        );

    private async Task<RefreshSummary> RefreshAsync(UnitOfWork unit, string sellerId, Guid correlationId)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var items = await sales.ItemsAsync(unit, sellerId);
        var history = await sales.SalesAsync(unit, sellerId, today);
        var holidays = await calendar.HolidaysAsync(unit, sellerId);
        var promotions = await calendar.PromotionsAsync(unit, sellerId);
        var earliest = today.AddDays(-options.HistoryDays);

        var regions = history.Select(s => s.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var panel = new List<(string Fnsku, string Region, DateOnly Start, DemandSeries Series)>();
        foreach (var item in items)
        {
            var sold = history.Where(s => s.Fnsku == item.Fnsku && s.Date >= earliest).ToList();
            if (sold.Count == 0)
            {
                continue;
            }

            var start = sold.Min(s => s.Date);
            var days = today.DayNumber - start.DayNumber;
            var holidayDates = holidays.Where(h => h.Marketplace == item.Marketplace).Select(h => h.Date).ToHashSet();
            var promotionDays = promotions
                .Where(p => p.Fnsku == item.Fnsku)
                .Select(p => new PromotionDays(p.StartsOn, p.EndsOn, (double)p.DiscountPercent, p.Featured))
                .ToList();
            var covariates = CalendarFeatures.Daily(start, days + HorizonDays, holidayDates, promotionDays);
            var promoted = covariates.Select(c => c[CalendarFeatures.PromotionColumn] > 0).ToArray();
            foreach (var region in sold.Select(s => s.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var units = new double[days];
                foreach (var sale in sold.Where(s => s.Region == region))
                {
                    units[sale.Date.DayNumber - start.DayNumber] += sale.Units;
                }

                var series = new DemandSeries($"{item.Fnsku}/{region}", units, covariates, [regions.IndexOf(region)], promoted);
                panel.Add((item.Fnsku, region, start, series));
            }
        }

        // Only what is asked is set; tree and leaf size, lags and windows follow the seller's panel (GlobalModelOptions.For).
        var settings = new ForecastSettings(HorizonDays, UseGlobalModel: options.UseGlobalModel, MaxTrees: options.GlobalTrees);
        var results = DemandForecaster.Forecast(panel.Select(p => p.Series).ToList(), settings);

        foreach (var fnsku in panel.Select(p => p.Fnsku).Distinct(StringComparer.Ordinal))
        {
            var mine = panel.Select((p, i) => (p.Region, Forecast: results[i], p.Fnsku)).Where(x => x.Fnsku == fnsku).ToList();
            foreach (var (region, forecast, _) in mine)
            {
                await forecasts.SaveForecastAsync(
                    unit,
                    sellerId,
                    fnsku,
                    region,
                    forecast,
                    JsonSerializer.Serialize(forecast.Candidates, JsonDefaults.Options),
                    today,
                    now.UtcDateTime
                );
            }

            await forecasts.KeepRegionsAsync(unit, sellerId, fnsku, mine.Select(m => m.Region).ToList());
            var total = Enumerable
                .Range(0, HorizonDays)
                .Select(d => new ForecastPoint(
                    today.AddDays(d),
                    mine.Sum(m => m.Forecast.P10[d]),
                    mine.Sum(m => m.Forecast.P50[d]),
                    mine.Sum(m => m.Forecast.P90[d])
                ))
                .ToList();
            var totalP50 = total.Select(t => t.P50).ToList();

            // Accuracy first: the track still holds what was forecast for the days that just passed.
            var tracked = await forecasts.TrackedAsync(unit, sellerId, fnsku, today.AddDays(-AccuracyWindowDays), today);
            if (tracked.Count > 0)
            {
                await forecasts.SaveAccuracyAsync(unit, sellerId, Accuracy(fnsku, tracked, now.UtcDateTime));
            }

            await forecasts.TrackAsync(unit, sellerId, fnsku, today, total);
            var model = string.Join("+", mine.Select(m => m.Forecast.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            await outbox.AddAsync(
                unit,
                new DemandForecastUpdated(
                    Guid.CreateVersion7(),
                    now,
                    sellerId,
                    correlationId,
                    fnsku,
                    today,
                    HorizonDays,
                    totalP50.Sum(),
                    mine.Select(m => new RegionalDemand(m.Region, m.Forecast.P50.Average(), m.Forecast.P90.Average())).ToList(),
                    model.Length <= 40 ? model : model[..40]
                )
            );
        }

        foreach (var item in items)
        {
            await replenishment.EvaluateAsync(unit, sellerId, item.Fnsku, correlationId);
        }

        return new RefreshSummary(
            sellerId,
            panel.Select(p => p.Fnsku).Distinct(StringComparer.Ordinal).Count(),
            panel.Count,
            today,
            HorizonDays,
            now.UtcDateTime
        );
    }

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
}

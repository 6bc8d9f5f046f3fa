using System.Text.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Forecasting.Api;

/// <summary>
/// Forecasting's settings. RefreshInterval: how often each seller's forecasts are remade; PollInterval: how often a
/// replica looks for sellers due; HistoryDays: the most history a model sees; UseGlobalModel and GlobalTrees: the
/// global gradient-boosted candidate and its size (fewer trees refresh faster).
/// </summary>
public sealed record ForecastingOptions(
    TimeSpan RefreshInterval,
    TimeSpan PollInterval,
    int HistoryDays,
    bool UseGlobalModel,
    int GlobalTrees
)
{
    public static ForecastingOptions From(IConfiguration configuration) =>
        new(
            TimeSpan.FromMinutes(configuration.GetValue("Forecasting:RefreshMinutes", 24 * 60)),
            TimeSpan.FromSeconds(configuration.GetValue("Forecasting:PollSeconds", 60)),
            configuration.GetValue("Forecasting:HistoryDays", 2 * 364 + 56),
            configuration.GetValue("Forecasting:UseGlobalModel", true),
            configuration.GetValue("Forecasting:GlobalTrees", 80)
        );
}

public sealed record RefreshSummary(string SellerId, int Fnskus, int Series, DateOnly From, int HorizonDays, DateTime RefreshedAt);

/// <summary>
/// Remakes a seller's forecasts from its sales history and calendar, stores them, measures the accuracy of the
/// previous ones against the actuals that arrived, re-evaluates replenishment, and publishes DemandForecastUpdated
/// per FNSKU, all in the caller's transaction.
/// </summary>
public sealed class ForecastDesk(
    SalesRepository sales,
    CalendarRepository calendar,
    ForecastRepository forecasts,
    ReplenishmentDesk replenishment,
    Outbox outbox,
    ForecastingOptions options,
    TimeProvider time
)
{
    public const int HorizonDays = 91;
    public const int AccuracyWindowDays = 28;

    public async Task<RefreshSummary> RefreshAsync(UnitOfWork unit, string sellerId, Guid correlationId)
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
            foreach (var region in sold.Select(s => s.Region).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var units = new double[days];
                foreach (var sale in sold.Where(s => s.Region == region))
                {
                    units[sale.Date.DayNumber - start.DayNumber] += sale.Units;
                }

                panel.Add(
                    (item.Fnsku, region, start, new DemandSeries($"{item.Fnsku}/{region}", units, covariates, [regions.IndexOf(region)]))
                );
            }
        }

        var settings = new ForecastSettings(
            HorizonDays,
            UseGlobalModel: options.UseGlobalModel,
            Global: new GlobalModelOptions(Trees: options.GlobalTrees, MaxTrainingRows: 60_000)
        );
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
            var totalP50 = Enumerable.Range(0, HorizonDays).Select(d => mine.Sum(m => m.Forecast.P50[d])).ToList();

            // Accuracy first: the track still holds what was forecast for the days that just passed.
            var (actual, forecast50) = await forecasts.TrackedAsync(unit, sellerId, fnsku, today.AddDays(-AccuracyWindowDays), today);
            if (actual.Count > 0)
            {
                var accuracy = ForecastAccuracy.Of(actual, forecast50);
                await forecasts.SaveAccuracyAsync(
                    unit,
                    sellerId,
                    new AccuracyRecord(fnsku, accuracy.Mape, accuracy.Wape, accuracy.Bias, accuracy.Points, now.UtcDateTime)
                );
            }

            await forecasts.TrackAsync(unit, sellerId, fnsku, today, totalP50);
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
}

/// <summary>
/// Re-evaluates the restock decision of one FNSKU on its stored forecast, stock and settings; raises the restock alert
/// (and publishes ReplenishmentRecommended through the outbox) once per crossing of the reorder point.
/// </summary>
public sealed class ReplenishmentDesk(
    SalesRepository sales,
    CalendarRepository calendar,
    ForecastRepository forecasts,
    Outbox outbox,
    TimeProvider time
)
{
    public async Task<ReplenishmentPlan?> EvaluateAsync(UnitOfWork unit, string sellerId, string fnsku, Guid correlationId)
    {
        var (armed, stored) = await forecasts.LockItemAsync(unit, sellerId, fnsku);
        if (armed is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = stored
            .Where(d => d.Date >= today)
            .GroupBy(d => d.Date)
            .OrderBy(g => g.Key)
            .Select(g => (P10: g.Sum(d => d.P10), P50: g.Sum(d => d.P50), P90: g.Sum(d => d.P90)))
            .ToList();
        if (days.Count == 0)
        {
            return null; // nothing forecast yet: no basis for a reorder point
        }

        var (available, inbound) = await sales.StockAsync(unit, sellerId, fnsku);
        var (settings, _) = await calendar.SettingsAsync(unit, sellerId, fnsku);
        var plan = ReplenishmentPolicy.Plan(
            days.Select(d => d.P10).ToList(),
            days.Select(d => d.P50).ToList(),
            days.Select(d => d.P90).ToList(),
            available,
            inbound,
            settings,
            today
        );
        await forecasts.SaveRecommendationAsync(
            unit,
            sellerId,
            new RecommendationRecord(
                fnsku,
                available,
                inbound,
                plan.LeadTimeDemand,
                plan.SafetyStock,
                plan.ReorderPoint,
                plan.OrderUpToLevel,
                plan.RecommendedUnits,
                plan.DaysOfSupply,
                plan.Urgency.ToString(),
                plan.ShipBy,
                now.UtcDateTime
            )
        );

        var (raise, armedAfter) = ReorderAlarm.Evaluate(armed.Value, plan);
        if (armedAfter != armed.Value)
        {
            await forecasts.SetAlertArmedAsync(unit, sellerId, fnsku, armedAfter);
        }

        if (raise)
        {
            var alert = new AlertRecord(
                Guid.CreateVersion7(),
                fnsku,
                plan.ReorderPoint,
                plan.SafetyStock,
                plan.InventoryPosition,
                plan.RecommendedUnits,
                plan.DaysOfSupply,
                plan.Urgency.ToString(),
                plan.ShipBy,
                now.UtcDateTime
            );
            await forecasts.AddAlertAsync(unit, sellerId, alert);
            await outbox.AddAsync(
                unit,
                new ReplenishmentRecommended(
                    Guid.CreateVersion7(),
                    now,
                    sellerId,
                    correlationId,
                    fnsku,
                    plan.ReorderPoint,
                    plan.SafetyStock,
                    plan.RecommendedUnits,
                    plan.DaysOfSupply ?? -1,
                    plan.ShipBy
                )
            );
        }

        return plan;
    }
}

/// <summary>Refreshes the forecasts of sellers whose refresh is due; several replicas share the work by skip-locked claims.</summary>
public sealed class ForecastRefreshJob(
    IServiceProvider services,
    ForecastingOptions options,
    TimeProvider time,
    ILogger<ForecastRefreshJob> logger
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval, time);
        do
        {
            try
            {
                while (!stoppingToken.IsCancellationRequested && await RefreshNextDueAsync(stoppingToken)) { }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Scheduled forecast refresh failed; it is retried at the next poll.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Refreshes one due seller; false when none is due.</summary>
    public async Task<bool> RefreshNextDueAsync(CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<Database>();
        var desk = services.GetRequiredService<ForecastDesk>();
        var schedule = services.GetRequiredService<ForecastRepository>();
        return await database.InTransactionAsync(
            async unit =>
            {
                var now = time.GetUtcNow().UtcDateTime;
                var due = await schedule.ClaimDueAsync(unit, now, 1);
                if (due.Count == 0)
                {
                    return false;
                }

                var summary = await desk.RefreshAsync(unit, due[0], Guid.CreateVersion7());
                await schedule.ScheduleNextAsync(unit, due[0], now, now + options.RefreshInterval);
                logger.LogInformation(
                    "Refreshed {Series} series of {Fnskus} FNSKUs for seller {Seller}.",
                    summary.Series,
                    summary.Fnskus,
                    summary.SellerId
                );
                return true;
            },
            cancellationToken
        );
    }
}

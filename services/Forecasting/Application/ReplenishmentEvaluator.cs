using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// Re-evaluates the restock decision of an FNSKU on its stored forecast, stock and settings; raises the restock alert
/// (and publishes ReplenishmentRecommended through the outbox) once per crossing of the reorder point, and clears it
/// (RestockAlertCleared) once the position is back above it. One FNSKU at a time
/// (a stock change, new settings), or many in a few round trips (a refresh).
/// </summary>
public sealed class ReplenishmentEvaluator(
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

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!stored.Any(d => d.Date >= today))
        {
            return null; // nothing forecast yet: no basis for a reorder point
        }

        var positions = await sales.PositionsAsync(unit, sellerId, fnsku);
        var (settings, _) = await calendar.SettingsAsync(unit, sellerId, fnsku);
        var batch = new StatementBatch(unit);
        var plan = Decide(batch, sellerId, fnsku, armed.Value, stored, positions, settings, correlationId);
        await batch.ExecuteAsync();
        return plan;
    }

    /// <summary>
    /// As <see cref="EvaluateAsync"/> for many FNSKUs of one seller: the item rows locked in one statement, forecasts, stock and
    /// settings read in one query each, and the decisions written in one batch. <paramref name="known"/>: forecast days the
    /// caller stored in this transaction (every region of those FNSKUs), so they need not be read back.
    /// </summary>
    public async Task EvaluateManyAsync(
        UnitOfWork unit,
        string sellerId,
        IReadOnlyList<string> fnskus,
        Guid correlationId,
        IReadOnlyDictionary<string, List<ForecastDay>>? known = null
    )
    {
        if (fnskus.Count == 0)
        {
            return;
        }

        var armed = await forecasts.LockItemsAsync(unit, sellerId, fnskus);
        var unknown = fnskus.Where(f => known?.ContainsKey(f) != true).ToList();
        var read = unknown.Count > 0 ? await forecasts.DaysAsync(unit, sellerId, unknown) : null;
        IReadOnlyList<ForecastDay> Stored(string fnsku) =>
            known is not null && known.TryGetValue(fnsku, out var days) ? days : read?[fnsku].ToList() ?? [];
        var positions = await sales.PositionsAsync(unit, sellerId, fnskus);
        var settings = await calendar.SettingsAsync(unit, sellerId, fnskus);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var batch = new StatementBatch(unit);
        foreach (var fnsku in fnskus.Order(StringComparer.Ordinal))
        {
            var stored = Stored(fnsku);
            if (!armed.TryGetValue(fnsku, out var isArmed) || !stored.Any(d => d.Date >= today))
            {
                continue;
            }

            Decide(
                batch,
                sellerId,
                fnsku,
                isArmed,
                stored,
                positions[fnsku].ToList(),
                settings.GetValueOrDefault(fnsku, ReplenishmentSettings.Default),
                correlationId
            );
        }

        await batch.ExecuteAsync();
    }

    /// <summary>The decision for one FNSKU, its writes added to <paramref name="batch"/>.</summary>
    private ReplenishmentPlan Decide(
        StatementBatch batch,
        string sellerId,
        string fnsku,
        bool armed,
        IReadOnlyList<ForecastDay> stored,
        IReadOnlyList<StockPosition> positions,
        ReplenishmentSettings settings,
        Guid correlationId
    )
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var days = stored
            .Where(d => d.Date >= today)
            .GroupBy(d => d.Date)
            .OrderBy(g => g.Key)
            .Select(g => (P10: g.Sum(d => d.P10), P50: g.Sum(d => d.P50), P90: g.Sum(d => d.P90)))
            .ToList();

        // The pipeline counts: units on shipped ASNs (inbound) and on transfers (in transit) are already on their way.
        var available = positions.Sum(p => p.Available);
        var inbound = positions.Sum(p => p.Inbound);
        var inTransit = positions.Sum(p => p.InTransit);
        var plan = ReplenishmentPolicy.Plan(
            days.Select(d => d.P10).ToList(),
            days.Select(d => d.P50).ToList(),
            days.Select(d => d.P90).ToList(),
            available,
            inbound + inTransit,
            settings,
            today
        );
        forecasts.SaveRecommendation(
            batch,
            sellerId,
            new RecommendationRecord(
                fnsku,
                available,
                inbound,
                inTransit,
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

        var (raise, armedAfter) = ReorderAlarm.Evaluate(armed, plan);
        if (armedAfter != armed)
        {
            forecasts.SetAlertArmed(batch, sellerId, fnsku, armedAfter);
        }

        if (ReorderAlarm.Clears(armed, plan))
        {
            outbox.Add(
                batch,
                new RestockAlertCleared(
                    Guid.CreateVersion7(),
                    now,
                    sellerId,
                    correlationId,
                    fnsku,
                    plan.ReorderPoint,
                    plan.InventoryPosition,
                    plan.DaysOfSupply
                )
            );
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
            forecasts.AddAlert(batch, sellerId, alert);
            outbox.Add(
                batch,
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

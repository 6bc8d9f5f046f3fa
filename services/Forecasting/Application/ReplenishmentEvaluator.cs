using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// Re-evaluates the restock decision of one FNSKU on its stored forecast, stock and settings; raises the restock alert
/// (and publishes ReplenishmentRecommended through the outbox) once per crossing of the reorder point.
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

        // The pipeline counts: units on shipped ASNs (inbound) and on transfers (in transit) are already on their way.
        var positions = await sales.PositionsAsync(unit, sellerId, fnsku);
        var available = positions.Sum(p => p.Available);
        var inbound = positions.Sum(p => p.Inbound);
        var inTransit = positions.Sum(p => p.InTransit);
        var (settings, _) = await calendar.SettingsAsync(unit, sellerId, fnsku);
        var plan = ReplenishmentPolicy.Plan(
            days.Select(d => d.P10).ToList(),
            days.Select(d => d.P50).ToList(),
            days.Select(d => d.P90).ToList(),
            available,
            inbound + inTransit,
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

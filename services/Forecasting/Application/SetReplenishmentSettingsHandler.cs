using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Application;

/// <summary>
/// Changes an FNSKU's replenishment settings (fields not changed keep their current or default value) and re-evaluates its
/// recommendation at once, in one transaction; settings that break a rule are refused and nothing is stored.
/// </summary>
public sealed class SetReplenishmentSettingsHandler(
    Database database,
    CalendarRepository calendar,
    ReplenishmentEvaluator replenishment,
    TimeProvider time
)
{
    public Task<ReplenishmentSettingsChange> HandleAsync(
        string sellerId,
        string fnsku,
        Func<ReplenishmentSettings, ReplenishmentSettings> change,
        Guid correlationId,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            async unit =>
            {
                var (current, _) = await calendar.SettingsAsync(unit, sellerId, fnsku);
                var settings = change(current);
                var problems = settings.Problems().ToList();
                if (problems.Count > 0)
                {
                    return new ReplenishmentSettingsChange(settings, problems); // nothing was written in this transaction
                }

                await calendar.SaveSettingsAsync(unit, sellerId, fnsku, settings, time.GetUtcNow().UtcDateTime);
                await replenishment.EvaluateAsync(unit, sellerId, fnsku, correlationId);
                return new ReplenishmentSettingsChange(settings, []);
            },
            cancellationToken
        );
}

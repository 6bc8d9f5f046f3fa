using InventoryPlatform.Data;
using InventoryPlatform.Returns.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Application;

/// <summary>Replaces the seller's grading rules; they apply to units graded from then on. Returns when they were set.</summary>
public sealed class SetGradingRulesHandler(Database database, GradingRuleRepository rules, TimeProvider time)
{
    public async Task<DateTime> HandleAsync(string sellerId, GradingRules updated, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await database.InTransactionAsync(unit => rules.SaveAsync(unit, sellerId, updated, now), cancellationToken);
        return now;
    }
}

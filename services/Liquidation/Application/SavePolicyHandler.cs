using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Application;

/// <summary>Stores a seller's policy for acting on recommendations; the next recompute follows it.</summary>
public sealed class SavePolicyHandler(Database database, PolicyRepository policies, TimeProvider time)
{
    public async Task<PolicyRecord> SaveAsync(string sellerId, SellerPolicy policy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await database.InTransactionAsync(unit => policies.SaveAsync(unit, sellerId, policy, now), cancellationToken);
        return new PolicyRecord(policy, now);
    }
}

using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

/// <summary>Each seller's rebalancing policy (<see cref="RebalancingMode.Advise"/> for a seller without one).</summary>
public sealed class RebalancingPolicyRepository(Database database)
{
    private readonly string _upsert = database.Dialect.Upsert(
        "allocation.rebalancing_policies",
        ["seller_id"],
        ["seller_id", "mode", "updated_at"],
        ["mode", "updated_at"]
    );

    private readonly string _lock = database.Dialect.SelectForUpdate("allocation.rebalancing_policies", "mode", "seller_id = @SellerId");

    public async Task<RebalancingMode> GetAsync(string sellerId, CancellationToken cancellationToken) =>
        Parse(
            await database.QuerySingleOrDefaultAsync<string>(
                "SELECT mode FROM allocation.rebalancing_policies WHERE seller_id = @SellerId",
                new { SellerId = sellerId },
                cancellationToken
            )
        );

    /// <summary>The seller's policy, its row locked until the transaction ends (so one rebalancing run per seller at a time).</summary>
    public async Task<RebalancingMode> LockAsync(UnitOfWork unit, string sellerId) =>
        Parse(await unit.QuerySingleOrDefaultAsync<string>(_lock, new { SellerId = sellerId }));

    public Task SaveAsync(string sellerId, RebalancingMode mode, DateTime now, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            unit =>
                unit.ExecuteAsync(
                    _upsert,
                    new
                    {
                        SellerId = sellerId,
                        Mode = mode.ToString(),
                        UpdatedAt = now,
                    }
                ),
            cancellationToken
        );

    /// <summary>The sellers whose transfers the rebalancer creates itself.</summary>
    public async Task<IReadOnlyList<string>> AutomaticSellersAsync(CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<string>(
                "SELECT seller_id FROM allocation.rebalancing_policies WHERE mode = @Mode ORDER BY seller_id",
                new { Mode = nameof(RebalancingMode.Automatic) },
                cancellationToken
            )
        ).ToList();

    private static RebalancingMode Parse(string? mode) =>
        Enum.TryParse<RebalancingMode>(mode, out var parsed) ? parsed : RebalancingMode.Advise;
}

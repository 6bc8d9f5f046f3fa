using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Domain;
using InventoryPlatform.Messaging;

namespace InventoryPlatform.Limits.Data;

/// <summary>
/// Sellers and their limits per storage type. A seller Limits has not seen before is created with the starter limits
/// (announced with CapacityLimitsUpdated through the outbox); its row is the lock every reservation of the seller takes.
/// </summary>
public sealed class SellerAccounts(Database database, Outbox outbox, LimitsOptions options, TimeProvider time)
{
    private readonly string _createSeller = database.Dialect.InsertIfAbsent(
        "limits.sellers",
        ["seller_id"],
        ["seller_id", "over_limit", "created_at"]
    );

    private readonly string _lockSeller = database.Dialect.SelectForUpdate(
        "limits.sellers",
        "seller_id, performance_score, score_computed_at, over_limit, created_at",
        "seller_id = @SellerId"
    );

    private readonly string _upsertLimit = database.Dialect.Upsert(
        "limits.storage_limits",
        ["seller_id", "storage_type"],
        ["seller_id", "storage_type", "limit_cubic_feet", "updated_at"],
        ["limit_cubic_feet", "updated_at"]
    );

    /// <summary>Creates the seller with the starter limits when it is new; true when it was created now.</summary>
    public async Task<bool> EnsureAsync(UnitOfWork unit, string sellerId, Guid correlationId)
    {
        var now = time.GetUtcNow();
        if (
            await unit.ExecuteAsync(
                _createSeller,
                new
                {
                    SellerId = sellerId,
                    OverLimit = false,
                    CreatedAt = now.UtcDateTime,
                }
            ) == 0
        )
        {
            return false;
        }

        var starter = VolumeByType.AllTypes.Select(t => new StorageLimit(t, options.BoundsFor(t).StarterCubicFeet)).ToList();
        await SetLimitsAsync(unit, sellerId, starter, 0, correlationId);
        return true;
    }

    /// <summary>Locks the seller's row until the transaction ends (creating it first when new).</summary>
    public async Task<SellerAccount> LockAsync(UnitOfWork unit, string sellerId, Guid correlationId)
    {
        await EnsureAsync(unit, sellerId, correlationId);
        return await unit.QuerySingleOrDefaultAsync<SellerAccount>(_lockSeller, new { SellerId = sellerId })
            ?? throw new InvalidOperationException($"Seller {sellerId} vanished inside its own transaction.");
    }

    public async Task<VolumeByType> LimitsAsync(UnitOfWork unit, string sellerId)
    {
        var limits = new VolumeByType();
        foreach (
            var row in await unit.QueryAsync<LimitRow>(
                "SELECT storage_type, limit_cubic_feet, updated_at FROM limits.storage_limits WHERE seller_id = @SellerId",
                new { SellerId = sellerId }
            )
        )
        {
            limits[row.Type] = row.LimitCubicFeet;
        }

        return limits;
    }

    /// <summary>Stores new limits and announces them with CapacityLimitsUpdated in the same transaction.</summary>
    public async Task SetLimitsAsync(UnitOfWork unit, string sellerId, IReadOnlyList<StorageLimit> limits, int score, Guid correlationId)
    {
        var now = time.GetUtcNow();
        foreach (var limit in limits)
        {
            await unit.ExecuteAsync(
                _upsertLimit,
                new
                {
                    SellerId = sellerId,
                    StorageType = limit.StorageType.ToString(),
                    limit.LimitCubicFeet,
                    UpdatedAt = now.UtcDateTime,
                }
            );
        }

        await outbox.AddAsync(unit, new CapacityLimitsUpdated(Guid.CreateVersion7(), now, sellerId, correlationId, score, limits));
    }

    public Task SetScoreAsync(UnitOfWork unit, string sellerId, int score, bool overLimit) =>
        unit.ExecuteAsync(
            "UPDATE limits.sellers SET performance_score = @Score, score_computed_at = @Now, over_limit = @OverLimit WHERE seller_id = "
                + "@SellerId",
            new
            {
                SellerId = sellerId,
                Score = score,
                OverLimit = overLimit,
                Now = time.GetUtcNow().UtcDateTime,
            }
        );

    public Task<SellerAccount?> FindAsync(string sellerId, CancellationToken cancellationToken) =>
        database.QuerySingleOrDefaultAsync<SellerAccount>(
            "SELECT seller_id, performance_score, score_computed_at, over_limit, created_at FROM limits.sellers WHERE seller_id = "
                + "@SellerId",
            new { SellerId = sellerId },
            cancellationToken
        );

    public async Task<IReadOnlyList<StoredLimit>> ListLimitsAsync(string sellerId, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<LimitRow>(
                "SELECT storage_type, limit_cubic_feet, updated_at FROM limits.storage_limits WHERE seller_id = @SellerId",
                new { SellerId = sellerId },
                cancellationToken
            )
        )
            .Select(r => new StoredLimit(r.Type, r.LimitCubicFeet, r.UpdatedAt))
            .OrderBy(l => l.StorageType)
            .ToList();

    public async Task<IReadOnlyList<string>> AllSellerIdsAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync<string>("SELECT seller_id FROM limits.sellers ORDER BY seller_id", null, cancellationToken)).ToList();

    private sealed class LimitRow
    {
        public string StorageType { get; init; } = "";
        public decimal LimitCubicFeet { get; init; }
        public DateTime UpdatedAt { get; init; }
        public StorageType Type => Enum.Parse<StorageType>(StorageType);
    }
}

using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Data;

public sealed class PolicyRepository(Database database)
{
    private const string Columns = "mode, max_markdown_percent, min_age_days, updated_at";

    private readonly string _createDefault = database.Dialect.InsertIfAbsent(
        "liquidation.policies",
        ["seller_id"],
        ["seller_id", "mode", "max_markdown_percent", "min_age_days", "updated_at"]
    );

    private readonly string _lock = database.Dialect.SelectForUpdate("liquidation.policies", Columns, "seller_id = @SellerId");

    private readonly string _upsert = database.Dialect.Upsert(
        "liquidation.policies",
        ["seller_id"],
        ["seller_id", "mode", "max_markdown_percent", "min_age_days", "updated_at"],
        ["mode", "max_markdown_percent", "min_age_days", "updated_at"]
    );

    /// <summary>
    /// The seller's policy, its row locked until the transaction ends: recomputes and approvals of one seller run one
    /// at a time, so two replicas never raise the same recommendation twice.
    /// </summary>
    public async Task<SellerPolicy> LockAsync(UnitOfWork unit, string sellerId, DateTime now)
    {
        var policy = SellerPolicy.Default;
        await unit.ExecuteAsync(
            _createDefault,
            new
            {
                SellerId = sellerId,
                Mode = policy.Mode.ToString(),
                policy.MaxMarkdownPercent,
                policy.MinAgeDays,
                UpdatedAt = now,
            }
        );
        return (await unit.QuerySingleOrDefaultAsync<Row>(_lock, new { SellerId = sellerId }))!.ToRecord().Policy;
    }

    public async Task<PolicyRecord> GetAsync(string sellerId, CancellationToken cancellationToken) =>
        (
            await database.QuerySingleOrDefaultAsync<Row>(
                $"SELECT {Columns} FROM liquidation.policies WHERE seller_id = @SellerId",
                new { SellerId = sellerId },
                cancellationToken
            )
        )?.ToRecord() ?? new PolicyRecord(SellerPolicy.Default, null);

    public Task SaveAsync(UnitOfWork unit, string sellerId, SellerPolicy policy, DateTime now) =>
        unit.ExecuteAsync(
            _upsert,
            new
            {
                SellerId = sellerId,
                Mode = policy.Mode.ToString(),
                policy.MaxMarkdownPercent,
                policy.MinAgeDays,
                UpdatedAt = now,
            }
        );

    private sealed class Row
    {
        public string Mode { get; init; } = "";
        public decimal MaxMarkdownPercent { get; init; }
        public int MinAgeDays { get; init; }
        public DateTime UpdatedAt { get; init; }

        public PolicyRecord ToRecord() =>
            new(new SellerPolicy(Enum.Parse<ExecutionMode>(Mode), MaxMarkdownPercent, MinAgeDays), RecommendationRepository.Utc(UpdatedAt));
    }
}

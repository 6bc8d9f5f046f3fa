using InventoryPlatform.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Data;

/// <summary>Each seller's grading rules; a seller who never set any grades by <see cref="GradingRules.Default"/>.</summary>
public sealed class GradingRuleRepository(Database database)
{
    private const string Columns =
        "seller_id, restock_opened_like_new, opened_like_new_categories, opened_not_restocked, damaged, defective, updated_at";

    private readonly string _upsert = database.Dialect.Upsert(
        "returns.grading_rules",
        ["seller_id"],
        [
            "seller_id",
            "restock_opened_like_new",
            "opened_like_new_categories",
            "opened_not_restocked",
            "damaged",
            "defective",
            "updated_at",
        ],
        ["restock_opened_like_new", "opened_like_new_categories", "opened_not_restocked", "damaged", "defective", "updated_at"]
    );

    private readonly string _select = $"SELECT {Columns} FROM returns.grading_rules WHERE seller_id = @SellerId";

    public async Task<(GradingRules Rules, DateTime? UpdatedAt)> GetAsync(string sellerId, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<Row>(_select, new { SellerId = sellerId }, cancellationToken) is { } row
            ? (row.ToRules(), Utc.Kind(row.UpdatedAt))
            : (GradingRules.Default, null);

    public async Task<GradingRules> GetAsync(UnitOfWork unit, string sellerId) =>
        (await unit.QuerySingleOrDefaultAsync<Row>(_select, new { SellerId = sellerId }))?.ToRules() ?? GradingRules.Default;

    public Task SaveAsync(UnitOfWork unit, string sellerId, GradingRules rules, DateTime now) =>
        unit.ExecuteAsync(
            _upsert,
            new
            {
                SellerId = sellerId,
                RestockOpenedLikeNew = rules.RestockOpenedLikeNew,
                OpenedLikeNewCategories = string.Join(',', rules.OpenedLikeNewCategories),
                OpenedNotRestocked = rules.OpenedNotRestocked.ToString(),
                Damaged = rules.Damaged.ToString(),
                Defective = rules.Defective.ToString(),
                UpdatedAt = now,
            }
        );

    private sealed class Row
    {
        public bool RestockOpenedLikeNew { get; init; }
        public string OpenedLikeNewCategories { get; init; } = "";
        public string OpenedNotRestocked { get; init; } = "";
        public string Damaged { get; init; } = "";
        public string Defective { get; init; } = "";
        public DateTime UpdatedAt { get; init; }

        public GradingRules ToRules() =>
            new(
                RestockOpenedLikeNew,
                OpenedLikeNewCategories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Enum.Parse<Disposition>(OpenedNotRestocked),
                Enum.Parse<Disposition>(Damaged),
                Enum.Parse<Disposition>(Defective)
            );
    }
}

using System.Text.Json;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Data;

public sealed class RecommendationRepository(Database database)
{
    private const string Columns =
        "id, seller_id, fnsku, stock_kind, action, status, quantity, markdown_percent, current_price, recommended_price, currency, "
        + "oldest_age_days, "
        + "expected_value, keep_value, options, rationale, created_at, updated_at, decided_at, decided_by, decision_note, order_id";

    private readonly string _lock = database.Dialect.SelectForUpdate(
        "liquidation.recommendations",
        Columns,
        "seller_id = @SellerId AND id = @Id"
    );

    /// <summary>The undecided recommendation for this stock, which a recompute refreshes in place.</summary>
    public async Task<RecommendationRecord?> CurrentAsync(UnitOfWork unit, string sellerId, string fnsku, StockKind kind) => (
            await unit.QueryAsync<Row>(
                $"SELECT {Columns} FROM liquidation.recommendations WHERE seller_id = @SellerId AND fnsku = @Fnsku AND stock_kind = "
                    + "@StockKind "
                    + "AND status IN ('Proposed', 'Informational')",
                new
                {
                    SellerId = sellerId,
                    Fnsku = fnsku,
                    StockKind = kind.ToString(),
                }
            )
        ).FirstOrDefault()?.ToRecord();

    public async Task<DateTime?> LastRejectedAtAsync(UnitOfWork unit, string sellerId, string fnsku, StockKind kind) =>
        await unit.QuerySingleOrDefaultAsync<DateTime?>(
            "SELECT MAX(decided_at) FROM liquidation.recommendations WHERE seller_id = @SellerId AND fnsku = @Fnsku AND stock_kind = "
                + "@StockKind AND status = 'Rejected'",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                StockKind = kind.ToString(),
            }
        );

    public Task InsertAsync(UnitOfWork unit, Guid id, string sellerId, RecommendationStatus status, Recommendation r, DateTime now) =>
        unit.ExecuteAsync(
            $"INSERT INTO liquidation.recommendations ({Columns}) VALUES (@Id, @SellerId, @Fnsku, @StockKind, @Action, @Status, @Quantity, "
                + "@MarkdownPercent, "
                + "@CurrentPrice, @RecommendedPrice, @Currency, @OldestAgeDays, @ExpectedValue, @KeepValue, @Options, @Rationale, @Now, "
                + "@Now, NULL, NULL, NULL, NULL)",
            Parameters(id, sellerId, status, r, now)
        );

    public Task RefreshAsync(UnitOfWork unit, Guid id, string sellerId, RecommendationStatus status, Recommendation r, DateTime now) =>
        unit.ExecuteAsync(
            "UPDATE liquidation.recommendations SET action = @Action, status = @Status, quantity = @Quantity, markdown_percent = "
                + "@MarkdownPercent, "
                + "current_price = @CurrentPrice, recommended_price = @RecommendedPrice, currency = @Currency, oldest_age_days = "
                + "@OldestAgeDays, "
                + "expected_value = @ExpectedValue, keep_value = @KeepValue, options = @Options, rationale = @Rationale, updated_at = @Now "
                + "WHERE seller_id = @SellerId AND id = @Id",
            Parameters(id, sellerId, status, r, now)
        );

    public async Task<RecommendationRecord?> LockAsync(UnitOfWork unit, string sellerId, Guid id) =>
        (await unit.QuerySingleOrDefaultAsync<Row>(_lock, new { SellerId = sellerId, Id = id }))?.ToRecord();

    public Task DecideAsync(
        UnitOfWork unit,
        Guid id,
        RecommendationStatus status,
        DateTime now,
        string decidedBy,
        string? note,
        Guid? orderId
    ) =>
        unit.ExecuteAsync(
            "UPDATE liquidation.recommendations SET status = @Status, decided_at = @Now, updated_at = @Now, decided_by = @DecidedBy, "
                + "decision_note = @Note, "
                + "order_id = @OrderId WHERE id = @Id",
            new
            {
                Id = id,
                Status = status.ToString(),
                Now = now,
                DecidedBy = decidedBy,
                Note = note,
                OrderId = orderId,
            }
        );

    public async Task<RecommendationRecord?> GetAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        (
            await database.QuerySingleOrDefaultAsync<Row>(
                $"SELECT {Columns} FROM liquidation.recommendations WHERE seller_id = @SellerId AND id = @Id",
                new { SellerId = sellerId, Id = id },
                cancellationToken
            )
        )?.ToRecord();

    public async Task<IReadOnlyList<RecommendationRecord>> ListAsync(
        string sellerId,
        RecommendationStatus? status,
        string? fnsku,
        int limit,
        Guid? after,
        CancellationToken cancellationToken
    )
    {
        var sql = database.Dialect.SelectTop(
            "liquidation.recommendations",
            Columns,
            "seller_id = @SellerId AND (@Status IS NULL OR status = @Status) AND (@Fnsku IS NULL OR fnsku = @Fnsku) AND (@After IS NULL OR "
                + "id > @After)",
            "id"
        );
        return (
            await database.QueryAsync<Row>(
                sql,
                new
                {
                    SellerId = sellerId,
                    Status = status?.ToString(),
                    Fnsku = fnsku,
                    After = after,
                    limit,
                },
                cancellationToken
            )
        ).Select(r => r.ToRecord()).ToList();
    }

    private static object Parameters(Guid id, string sellerId, RecommendationStatus status, Recommendation r, DateTime now) =>
        new
        {
            Id = id,
            SellerId = sellerId,
            r.Fnsku,
            StockKind = r.StockKind.ToString(),
            Action = r.Action.ToString(),
            Status = status.ToString(),
            r.Quantity,
            r.MarkdownPercent,
            r.CurrentPrice,
            r.RecommendedPrice,
            r.Currency,
            r.OldestAgeDays,
            r.ExpectedValue,
            r.KeepValue,
            Options = JsonSerializer.Serialize(r.Options, JsonDefaults.Options),
            r.Rationale,
            Now = now,
        };

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string SellerId { get; init; } = "";
        public string Fnsku { get; init; } = "";
        public string StockKind { get; init; } = "";
        public string Action { get; init; } = "";
        public string Status { get; init; } = "";
        public int Quantity { get; init; }
        public decimal? MarkdownPercent { get; init; }
        public decimal CurrentPrice { get; init; }
        public decimal? RecommendedPrice { get; init; }
        public string Currency { get; init; } = "";
        public int? OldestAgeDays { get; init; }
        public decimal ExpectedValue { get; init; }
        public decimal KeepValue { get; init; }
        public string Options { get; init; } = "[]";
        public string Rationale { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public DateTime? DecidedAt { get; init; }
        public string? DecidedBy { get; init; }
        public string? DecisionNote { get; init; }
        public Guid? OrderId { get; init; }

        public RecommendationRecord ToRecord() =>
            new(
                Id,
                SellerId,
                Enum.Parse<RecommendationStatus>(Status),
                new Recommendation(
                    Fnsku,
                    Enum.Parse<StockKind>(StockKind),
                    Enum.Parse<RecommendedAction>(Action),
                    Quantity,
                    MarkdownPercent,
                    CurrentPrice,
                    RecommendedPrice,
                    Currency,
                    OldestAgeDays,
                    ExpectedValue,
                    KeepValue,
                    JsonSerializer.Deserialize<List<OptionValue>>(Options, JsonDefaults.Options) ?? [],
                    Rationale
                ),
                Utc(CreatedAt),
                Utc(UpdatedAt),
                DecidedAt is { } d ? Utc(d) : null,
                DecidedBy,
                DecisionNote,
                OrderId
            );
    }

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

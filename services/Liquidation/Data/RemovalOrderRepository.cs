using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Data;

public sealed class RemovalOrderRepository(Database database)
{
    private const string Columns =
        "id, seller_id, recommendation_id, fnsku, kind, status, from_unfulfillable, quantity, expected_recovery, expected_fees, currency, "
        + "correlation_id, "
        + "created_at, updated_at, completed_at, cancel_reason";

    private readonly string _lock = database.Dialect.SelectForUpdate(
        "liquidation.removal_orders",
        Columns,
        "seller_id = @SellerId AND id = @Id"
    );

    public async Task InsertAsync(UnitOfWork unit, RemovalOrderRecord order)
    {
        await unit.ExecuteAsync(
            $"INSERT INTO liquidation.removal_orders ({Columns}) VALUES (@Id, @SellerId, @RecommendationId, @Fnsku, @Kind, @Status, "
                + "@FromUnfulfillable, @Quantity, "
                + "@ExpectedRecovery, @ExpectedFees, @Currency, @CorrelationId, @CreatedAt, @UpdatedAt, @CompletedAt, @CancelReason)",
            new
            {
                order.Id,
                order.SellerId,
                order.RecommendationId,
                order.Fnsku,
                Kind = order.Kind.ToString(),
                Status = order.Status.ToString(),
                order.FromUnfulfillable,
                order.Quantity,
                order.ExpectedRecovery,
                order.ExpectedFees,
                order.Currency,
                order.CorrelationId,
                order.CreatedAt,
                order.UpdatedAt,
                order.CompletedAt,
                order.CancelReason,
            }
        );
        await unit.ExecuteAsync(
            "INSERT INTO liquidation.removal_order_lines (order_id, fulfillment_center, quantity) VALUES (@OrderId, @FulfillmentCenter, "
                + "@Quantity)",
            order.Lines.Select(l => new
            {
                OrderId = order.Id,
                l.FulfillmentCenter,
                l.Quantity,
            })
        );
    }

    public async Task<RemovalOrderRecord?> LockAsync(UnitOfWork unit, string sellerId, Guid id)
    {
        var row = await unit.QuerySingleOrDefaultAsync<Row>(_lock, new { SellerId = sellerId, Id = id });
        if (row is null)
        {
            return null;
        }

        var lines = await unit.QueryAsync<RemovalOrderLine>(
            "SELECT fulfillment_center, quantity FROM liquidation.removal_order_lines WHERE order_id = @Id ORDER BY fulfillment_center",
            new { Id = id }
        );
        return row.ToRecord(lines.ToList());
    }

    public async Task<bool> ExistsAsync(UnitOfWork unit, Guid id) =>
        await unit.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM liquidation.removal_orders WHERE id = @Id", new { Id = id }) > 0;

    public Task UpdateStatusAsync(UnitOfWork unit, Guid id, RemovalOrderStatus status, DateTime now, string? cancelReason) =>
        unit.ExecuteAsync(
            "UPDATE liquidation.removal_orders SET status = @Status, updated_at = @Now, "
                + "completed_at = CASE WHEN @Status = 'Completed' THEN @Now ELSE completed_at END, cancel_reason = COALESCE(@CancelReason, "
                + "cancel_reason) WHERE id = @Id",
            new
            {
                Id = id,
                Status = status.ToString(),
                Now = now,
                CancelReason = cancelReason,
            }
        );

    /// <summary>FNSKUs of the seller with an order not yet completed or cancelled: recomputes leave them alone.</summary>
    public async Task<IReadOnlySet<(string Fnsku, bool FromUnfulfillable)>> OpenAsync(UnitOfWork unit, string sellerId) =>
        (
            await unit.QueryAsync<(string Fnsku, bool FromUnfulfillable)>(
                "SELECT fnsku, from_unfulfillable FROM liquidation.removal_orders WHERE seller_id = @SellerId AND status IN ('Pending', "
                    + "'InProgress')",
                new { SellerId = sellerId }
            )
        ).ToHashSet();

    public async Task<RemovalOrderRecord?> GetAsync(string sellerId, Guid id, CancellationToken cancellationToken)
    {
        var found = await ListAsync(sellerId, id, null, 1, null, cancellationToken);
        return found.Count > 0 ? found[0] : null;
    }

    public Task<IReadOnlyList<RemovalOrderRecord>> ListAsync(
        string sellerId,
        RemovalOrderStatus? status,
        int limit,
        Guid? after,
        CancellationToken cancellationToken
    ) => ListAsync(sellerId, null, status, limit, after, cancellationToken);

    private Task<IReadOnlyList<RemovalOrderRecord>> ListAsync(
        string sellerId,
        Guid? id,
        RemovalOrderStatus? status,
        int limit,
        Guid? after,
        CancellationToken cancellationToken
    ) =>
        database.ReadAsync<IReadOnlyList<RemovalOrderRecord>>(
            async (connection, token) =>
            {
                var sql = database.Dialect.SelectTop(
                    "liquidation.removal_orders",
                    Columns,
                    "seller_id = @SellerId AND (@Id IS NULL OR id = @Id) AND (@Status IS NULL OR status = @Status) AND (@After IS NULL OR "
                        + "id > @After)",
                    "id"
                );
                var rows = (
                    await Dapper.SqlMapper.QueryAsync<Row>(
                        connection,
                        new Dapper.CommandDefinition(
                            sql,
                            new
                            {
                                SellerId = sellerId,
                                Id = id,
                                Status = status?.ToString(),
                                After = after,
                                limit,
                            },
                            cancellationToken: token
                        )
                    )
                ).ToList();
                if (rows.Count == 0)
                {
                    return [];
                }

                var lines = (
                    await Dapper.SqlMapper.QueryAsync<LineRow>(
                        connection,
                        new Dapper.CommandDefinition(
                            $"SELECT order_id, fulfillment_center, quantity FROM liquidation.removal_order_lines WHERE "
                                + $"{database.Dialect.InList("order_id", "Ids")}",
                            new { Ids = rows.Select(r => r.Id).ToArray() },
                            cancellationToken: token
                        )
                    )
                ).ToLookup(l => l.OrderId);
                return rows.Select(r =>
                        r.ToRecord([
                            .. lines[r.Id]
                                .OrderBy(l => l.FulfillmentCenter, StringComparer.Ordinal)
                                .Select(l => new RemovalOrderLine(l.FulfillmentCenter, l.Quantity)),
                        ])
                    )
                    .ToList();
            },
            cancellationToken
        );

    private sealed class LineRow
    {
        public Guid OrderId { get; init; }
        public string FulfillmentCenter { get; init; } = "";
        public int Quantity { get; init; }
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string SellerId { get; init; } = "";
        public Guid? RecommendationId { get; init; }
        public string Fnsku { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public bool FromUnfulfillable { get; init; }
        public int Quantity { get; init; }
        public decimal ExpectedRecovery { get; init; }
        public decimal ExpectedFees { get; init; }
        public string Currency { get; init; } = "";
        public Guid CorrelationId { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public DateTime? CompletedAt { get; init; }
        public string? CancelReason { get; init; }

        public RemovalOrderRecord ToRecord(IReadOnlyList<RemovalOrderLine> lines) =>
            new(
                Id,
                SellerId,
                RecommendationId,
                Fnsku,
                Enum.Parse<RemovalKind>(Kind),
                Enum.Parse<RemovalOrderStatus>(Status),
                FromUnfulfillable,
                Quantity,
                ExpectedRecovery,
                ExpectedFees,
                Currency,
                CorrelationId,
                RecommendationRepository.Utc(CreatedAt),
                RecommendationRepository.Utc(UpdatedAt),
                CompletedAt is { } c ? RecommendationRepository.Utc(c) : null,
                CancelReason,
                lines
            );
    }
}

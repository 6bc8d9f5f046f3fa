using Dapper;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

public sealed class OrderRepository(Database database)
{
    private const string HeaderColumns =
        "id, seller_id, partner_order_id, marketplace, ship_to_region, status, cancel_reason, correlation_id, created_at, updated_at";

    private readonly string _lock = database.Dialect.SelectForUpdate(
        "allocation.orders",
        HeaderColumns,
        "seller_id = @SellerId AND id = @Id"
    );

    /// <summary>Adds the order, its lines and its allocations to the transaction's batch of writes.</summary>
    public static void Insert(StatementBatch batch, OrderView order)
    {
        var h = order.Header;
        batch.Add(
            $"INSERT INTO allocation.orders ({HeaderColumns}) VALUES "
                + "(@Id, @SellerId, @PartnerOrderId, @Marketplace, @ShipToRegion, @Status, @CancelReason, @CorrelationId, @CreatedAt, "
                + "@UpdatedAt)",
            new
            {
                h.Id,
                h.SellerId,
                h.PartnerOrderId,
                h.Marketplace,
                h.ShipToRegion,
                Status = h.Status.ToString(),
                h.CancelReason,
                h.CorrelationId,
                h.CreatedAt,
                h.UpdatedAt,
            }
        );
        batch.AddEach(
            "INSERT INTO allocation.order_lines (order_id, line_number, fnsku, quantity, unit_price, currency, backordered) "
                + "VALUES (@OrderId, @LineNumber, @Fnsku, @Quantity, @UnitPrice, @Currency, @Backordered)",
            order.Lines.Select(l => new
            {
                OrderId = h.Id,
                l.LineNumber,
                l.Fnsku,
                l.Quantity,
                l.UnitPrice,
                l.Currency,
                l.Backordered,
            })
        );
        batch.AddEach(
            "INSERT INTO allocation.order_allocations (order_id, line_number, fulfillment_center, quantity, shipped_at) "
                + "VALUES (@OrderId, @LineNumber, @FulfillmentCenter, @Quantity, @ShippedAt)",
            order.Allocations.Select(a => new
            {
                OrderId = h.Id,
                a.LineNumber,
                a.FulfillmentCenter,
                a.Quantity,
                a.ShippedAt,
            })
        );
    }

    public Task<OrderView?> GetAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, token) =>
            {
                var header = await connection.QuerySingleOrDefaultAsync<HeaderRow>(
                    new CommandDefinition(
                        $"SELECT {HeaderColumns} FROM allocation.orders WHERE seller_id = @SellerId AND id = @Id",
                        new { SellerId = sellerId, Id = id },
                        cancellationToken: token
                    )
                );
                return header is null ? null : await ReadRestAsync(connection, null, header, token);
            },
            cancellationToken
        );

    /// <summary>The order, locked until the transaction ends, so a cancel and a shipment of it never interleave.</summary>
    public async Task<OrderView?> LockAsync(UnitOfWork unit, string sellerId, Guid id)
    {
        var header = await unit.QuerySingleOrDefaultAsync<HeaderRow>(_lock, new { SellerId = sellerId, Id = id });
        return header is null ? null : await ReadRestAsync(unit.Connection, unit.Transaction, header, unit.CancellationToken);
    }

    public Task<Guid?> FindByPartnerOrderIdAsync(string sellerId, string partnerOrderId, CancellationToken cancellationToken) =>
        database.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT id FROM allocation.orders WHERE seller_id = @SellerId AND partner_order_id = @PartnerOrderId",
            new { SellerId = sellerId, PartnerOrderId = partnerOrderId },
            cancellationToken
        );

    public async Task<IReadOnlyList<OrderHeader>> ListAsync(
        string sellerId,
        OrderStatus? status,
        int limit,
        Guid? after,
        CancellationToken cancellationToken
    )
    {
        var sql = database.Dialect.SelectTop(
            "allocation.orders",
            HeaderColumns,
            "seller_id = @SellerId AND (@Status IS NULL OR status = @Status) AND (@After IS NULL OR id > @After)",
            "id"
        );
        var rows = await database.QueryAsync<HeaderRow>(
            sql,
            new
            {
                SellerId = sellerId,
                Status = status?.ToString(),
                After = after,
                limit,
            },
            cancellationToken
        );
        return rows.Select(r => r.ToHeader()).ToList();
    }

    public Task SetStatusAsync(UnitOfWork unit, Guid id, OrderStatus status, string? cancelReason, DateTime now) =>
        unit.ExecuteAsync(
            "UPDATE allocation.orders SET status = @Status, cancel_reason = COALESCE(@CancelReason, cancel_reason), updated_at = @Now "
                + "WHERE id = @Id",
            new
            {
                Id = id,
                Status = status.ToString(),
                CancelReason = cancelReason,
                Now = now,
            }
        );

    public Task MarkShippedAsync(UnitOfWork unit, Guid id, string fulfillmentCenter, DateTime now) =>
        unit.ExecuteAsync(
            "UPDATE allocation.order_allocations SET shipped_at = @Now WHERE order_id = @Id AND fulfillment_center = @FulfillmentCenter "
                + "AND shipped_at IS NULL",
            new
            {
                Id = id,
                FulfillmentCenter = fulfillmentCenter,
                Now = now,
            }
        );

    /// <summary>
    /// The seller's orders, oldest first, that wait for units of this FNSKU: a line backordered and the order neither
    /// cancelled nor shipped (backordered, partially allocated or partially shipped).
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> BackorderedAsync(UnitOfWork unit, string sellerId, string fnsku, int limit)
    {
        var sql = unit.Dialect.SelectTop(
            "allocation.orders o JOIN allocation.order_lines l ON l.order_id = o.id",
            "o.id",
            "o.seller_id = @SellerId AND l.fnsku = @Fnsku AND l.backordered > 0 "
                + "AND o.status IN (@Backordered, @PartiallyAllocated, @PartiallyShipped)",
            "o.created_at, o.id"
        );
        var ids = await unit.QueryAsync<Guid>(
            sql,
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                Backordered = nameof(OrderStatus.Backordered),
                PartiallyAllocated = nameof(OrderStatus.PartiallyAllocated),
                PartiallyShipped = nameof(OrderStatus.PartiallyShipped),
                limit,
            }
        );
        return ids.ToList();
    }

    /// <summary>
    /// Adds units newly reserved for backordered lines to the batch: the lines' backorders shrink, the allocations grow (the
    /// line's unshipped allocation at that FC when it has one; otherwise a new round, after the rounds there that shipped), and
    /// the order gets its new status.
    /// </summary>
    public static void AddBackorderFill(
        StatementBatch batch,
        OrderView order,
        IReadOnlyCollection<OrderAllocationRecord> filled,
        OrderStatus status,
        DateTime now
    )
    {
        foreach (var line in filled.GroupBy(a => a.LineNumber))
        {
            batch.Add(
                "UPDATE allocation.order_lines SET backordered = backordered - @Quantity "
                    + "WHERE order_id = @OrderId AND line_number = @LineNumber",
                new
                {
                    Quantity = line.Sum(a => a.Quantity),
                    OrderId = order.Header.Id,
                    LineNumber = line.Key,
                }
            );
        }

        foreach (var allocation in filled)
        {
            var rounds = order
                .Allocations.Where(a => a.LineNumber == allocation.LineNumber && a.FulfillmentCenter == allocation.FulfillmentCenter)
                .ToList();
            batch.Add(
                rounds.Any(a => a.ShippedAt is null)
                    ? "UPDATE allocation.order_allocations SET quantity = quantity + @Quantity WHERE order_id = @OrderId "
                        + "AND line_number = @LineNumber AND fulfillment_center = @FulfillmentCenter AND shipped_at IS NULL"
                    : "INSERT INTO allocation.order_allocations "
                        + "(order_id, line_number, fulfillment_center, allocation_round, quantity, shipped_at) "
                        + "VALUES (@OrderId, @LineNumber, @FulfillmentCenter, @Round, @Quantity, NULL)",
                new
                {
                    OrderId = order.Header.Id,
                    allocation.LineNumber,
                    allocation.FulfillmentCenter,
                    Round = rounds.Count,
                    allocation.Quantity,
                }
            );
        }

        batch.Add(
            "UPDATE allocation.orders SET status = @Status, updated_at = @Now WHERE id = @Id",
            new
            {
                Id = order.Header.Id,
                Status = status.ToString(),
                Now = now,
            }
        );
    }

    private static async Task<OrderView> ReadRestAsync(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction? transaction,
        HeaderRow header,
        CancellationToken token
    )
    {
        var lines = await connection.QueryAsync<LineRow>(
            new CommandDefinition(
                "SELECT line_number, fnsku, quantity, unit_price, currency, backordered FROM allocation.order_lines WHERE order_id = @Id "
                    + "ORDER BY line_number",
                new { header.Id },
                transaction,
                cancellationToken: token
            )
        );
        var allocations = await connection.QueryAsync<AllocationRow>(
            new CommandDefinition(
                "SELECT line_number, fulfillment_center, quantity, shipped_at FROM allocation.order_allocations WHERE order_id = @Id ORDER "
                    + "BY line_number, fulfillment_center, allocation_round",
                new { header.Id },
                transaction,
                cancellationToken: token
            )
        );
        return new OrderView(
            header.ToHeader(),
            lines.Select(l => new OrderLineRecord(l.LineNumber, l.Fnsku, l.Quantity, l.UnitPrice, l.Currency, l.Backordered)).ToList(),
            allocations.Select(a => new OrderAllocationRecord(a.LineNumber, a.FulfillmentCenter, a.Quantity, a.ShippedAt)).ToList()
        );
    }

    private sealed class HeaderRow
    {
        public Guid Id { get; init; }
        public string SellerId { get; init; } = "";
        public string? PartnerOrderId { get; init; }
        public string Marketplace { get; init; } = "";
        public string ShipToRegion { get; init; } = "";
        public string Status { get; init; } = "";
        public string? CancelReason { get; init; }
        public Guid CorrelationId { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public OrderHeader ToHeader() =>
            new(
                Id,
                SellerId,
                PartnerOrderId,
                Marketplace,
                ShipToRegion,
                Enum.Parse<OrderStatus>(Status),
                CancelReason,
                CorrelationId,
                DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc),
                DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)
            );
    }

    private sealed class LineRow
    {
        public int LineNumber { get; init; }
        public string Fnsku { get; init; } = "";
        public int Quantity { get; init; }
        public decimal UnitPrice { get; init; }
        public string Currency { get; init; } = "";
        public int Backordered { get; init; }
    }

    private sealed class AllocationRow
    {
        public int LineNumber { get; init; }
        public string FulfillmentCenter { get; init; } = "";
        public int Quantity { get; init; }
        public DateTime? ShippedAt { get; init; }
    }
}

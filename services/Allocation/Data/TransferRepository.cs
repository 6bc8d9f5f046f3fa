using Dapper;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

public sealed class TransferRepository(Database database)
{
    private const string Columns =
        "id, seller_id, fnsku, from_fulfillment_center, to_fulfillment_center, quantity, status, origin, correlation_id, requested_at, "
        + "received_at";

    private readonly string _lock = database.Dialect.SelectForUpdate("allocation.transfers", Columns, "seller_id = @SellerId AND id = @Id");

    public Task InsertAsync(UnitOfWork unit, TransferRecord transfer) =>
        unit.ExecuteAsync(
            $"INSERT INTO allocation.transfers ({Columns}) VALUES (@Id, @SellerId, @Fnsku, @FromFulfillmentCenter, @ToFulfillmentCenter, "
                + "@Quantity, @Status, @Origin, "
                + "@CorrelationId, @RequestedAt, @ReceivedAt)",
            new
            {
                transfer.Id,
                transfer.SellerId,
                transfer.Fnsku,
                transfer.FromFulfillmentCenter,
                transfer.ToFulfillmentCenter,
                transfer.Quantity,
                Status = transfer.Status.ToString(),
                Origin = transfer.Origin.ToString(),
                transfer.CorrelationId,
                transfer.RequestedAt,
                transfer.ReceivedAt,
            }
        );

    public async Task<TransferRecord?> LockAsync(UnitOfWork unit, string sellerId, Guid id) =>
        (await unit.QuerySingleOrDefaultAsync<Row>(_lock, new { SellerId = sellerId, Id = id }))?.ToRecord();

    public Task MarkReceivedAsync(UnitOfWork unit, Guid id, DateTime now) =>
        unit.ExecuteAsync(
            "UPDATE allocation.transfers SET status = @Status, received_at = @Now WHERE id = @Id",
            new
            {
                Id = id,
                Status = nameof(TransferStatus.Received),
                Now = now,
            }
        );

    public async Task<TransferRecord?> GetAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        (
            await database.QuerySingleOrDefaultAsync<Row>(
                $"SELECT {Columns} FROM allocation.transfers WHERE seller_id = @SellerId AND id = @Id",
                new { SellerId = sellerId, Id = id },
                cancellationToken
            )
        )?.ToRecord();

    public async Task<IReadOnlyList<TransferRecord>> ListAsync(string sellerId, int limit, Guid? after, CancellationToken cancellationToken)
    {
        var sql = database.Dialect.SelectTop(
            "allocation.transfers",
            Columns,
            "seller_id = @SellerId AND (@After IS NULL OR id > @After)",
            "id"
        );
        return (
            await database.QueryAsync<Row>(
                sql,
                new
                {
                    SellerId = sellerId,
                    After = after,
                    limit,
                },
                cancellationToken
            )
        ).Select(r => r.ToRecord()).ToList();
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string SellerId { get; init; } = "";
        public string Fnsku { get; init; } = "";
        public string FromFulfillmentCenter { get; init; } = "";
        public string ToFulfillmentCenter { get; init; } = "";
        public int Quantity { get; init; }
        public string Status { get; init; } = "";
        public string Origin { get; init; } = "";
        public Guid CorrelationId { get; init; }
        public DateTime RequestedAt { get; init; }
        public DateTime? ReceivedAt { get; init; }

        public TransferRecord ToRecord() =>
            new(
                Id,
                SellerId,
                Fnsku,
                FromFulfillmentCenter,
                ToFulfillmentCenter,
                Quantity,
                Enum.Parse<TransferStatus>(Status),
                Enum.Parse<TransferOrigin>(Origin),
                CorrelationId,
                DateTime.SpecifyKind(RequestedAt, DateTimeKind.Utc),
                ReceivedAt is { } r ? DateTime.SpecifyKind(r, DateTimeKind.Utc) : null
            );
    }
}

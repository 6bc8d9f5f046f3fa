using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

/// <summary>The adjustments counts made to the ledger (allocation.adjustments); each also has its journal row.</summary>
public sealed class AdjustmentRepository(Database database)
{
    private const string Columns =
        "id, seller_id, fnsku, fulfillment_center, bin, counted_units, previous_on_hand, quantity, reason, counted_by, correlation_id, "
        + "occurred_at";

    public static void Add(StatementBatch batch, AdjustmentRecord adjustment) =>
        batch.Add(
            $"INSERT INTO allocation.adjustments ({Columns}) VALUES (@Id, @SellerId, @Fnsku, @FulfillmentCenter, @Bin, @CountedUnits, "
                + "@PreviousOnHand, @Quantity, @Reason, @CountedBy, @CorrelationId, @OccurredAt)",
            new
            {
                adjustment.Id,
                adjustment.SellerId,
                adjustment.Fnsku,
                adjustment.FulfillmentCenter,
                adjustment.Bin,
                adjustment.CountedUnits,
                adjustment.PreviousOnHand,
                adjustment.Quantity,
                Reason = adjustment.Reason.ToString(),
                adjustment.CountedBy,
                adjustment.CorrelationId,
                adjustment.OccurredAt,
            }
        );

    /// <summary>A seller's adjustments, optionally of one FNSKU, oldest first, paged by id.</summary>
    public async Task<IReadOnlyList<AdjustmentRecord>> ListAsync(
        string sellerId,
        string? fnsku,
        int limit,
        Guid? after,
        CancellationToken cancellationToken
    )
    {
        var sql = database.Dialect.SelectTop(
            "allocation.adjustments",
            Columns,
            "seller_id = @SellerId AND (@Fnsku IS NULL OR fnsku = @Fnsku) AND (@After IS NULL OR id > @After)",
            "id"
        );
        var rows = await database.QueryAsync<Row>(
            sql,
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                After = after,
                limit,
            },
            cancellationToken
        );
        return rows.Select(r => r.ToRecord()).ToList();
    }

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string SellerId { get; init; } = "";
        public string Fnsku { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public string? Bin { get; init; }
        public int CountedUnits { get; init; }
        public int PreviousOnHand { get; init; }
        public int Quantity { get; init; }
        public string Reason { get; init; } = "";
        public string CountedBy { get; init; } = "";
        public Guid CorrelationId { get; init; }
        public DateTime OccurredAt { get; init; }

        public AdjustmentRecord ToRecord() =>
            new(
                Id,
                SellerId,
                Fnsku,
                FulfillmentCenter,
                Bin,
                CountedUnits,
                PreviousOnHand,
                Quantity,
                Enum.Parse<AdjustmentReason>(Reason),
                CountedBy,
                CorrelationId,
                DateTime.SpecifyKind(OccurredAt, DateTimeKind.Utc)
            );
    }
}

using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Data;

/// <summary>Returns, the units received against them and their inspections.</summary>
public sealed class ReturnRepository(Database database)
{
    private const string ReturnColumns =
        "id, seller_id, unexpected, order_id, fnsku, marketplace, reason, authorized_quantity, received_units, graded_units, "
        + "window_closes_at, created_at, updated_at";

    private const string UnitColumns =
        "unit_id, return_id, fnsku, fulfillment_center, beyond_authorization, received_at, inspection_id, grade";

    private const string InspectionColumns =
        "id, seller_id, return_id, grade, opened_packaging, category, note, inspector, units, disposition, responsibility, decision_rule, "
        + "inspected_at";

    private readonly string _lock = database.Dialect.SelectForUpdate(
        "returns.return_authorizations",
        ReturnColumns,
        "id = @Id AND seller_id = @SellerId"
    );

    private readonly string _insertUnit = database.Dialect.InsertIfAbsent(
        "returns.returned_units",
        ["unit_id"],
        ["unit_id", "seller_id", "return_id", "fnsku", "fulfillment_center", "beyond_authorization", "received_at"]
    );

    public Task CreateAsync(UnitOfWork unit, ReturnRecord record) =>
        unit.ExecuteAsync(
            $"INSERT INTO returns.return_authorizations ({ReturnColumns}) VALUES "
                + "(@Id, @SellerId, @Unexpected, @OrderId, @Fnsku, @Marketplace, @Reason, @AuthorizedQuantity, @ReceivedUnits, "
                + "@GradedUnits, @WindowClosesAt, @CreatedAt, @UpdatedAt)",
            new
            {
                record.Id,
                record.SellerId,
                record.Unexpected,
                record.OrderId,
                record.Fnsku,
                record.Marketplace,
                Reason = record.Reason?.ToString(),
                record.AuthorizedQuantity,
                record.ReceivedUnits,
                record.GradedUnits,
                record.WindowClosesAt,
                record.CreatedAt,
                record.UpdatedAt,
            }
        );

    /// <summary>Units of an FNSKU already authorized for return on an order (call with the order's shipped lines locked).</summary>
    public Task<int> AuthorizedUnitsAsync(UnitOfWork unit, Guid orderId, string fnsku) =>
        unit.ExecuteScalarAsync<int>(
            "SELECT COALESCE(SUM(authorized_quantity), 0) FROM returns.return_authorizations WHERE order_id = @OrderId AND fnsku = @Fnsku "
                + "AND unexpected = @Unexpected",
            new
            {
                OrderId = orderId,
                Fnsku = fnsku,
                Unexpected = false,
            }
        );

    public async Task<ReturnRecord?> GetAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        (
            await database.QuerySingleOrDefaultAsync<ReturnRow>(
                $"SELECT {ReturnColumns} FROM returns.return_authorizations WHERE id = @Id AND seller_id = @SellerId",
                new { Id = id, SellerId = sellerId },
                cancellationToken
            )
        )?.ToRecord();

    /// <summary>Locks the return so receipts and inspections of it happen one after the other.</summary>
    public async Task<ReturnRecord?> LockAsync(UnitOfWork unit, string sellerId, Guid id) =>
        (await unit.QuerySingleOrDefaultAsync<ReturnRow>(_lock, new { Id = id, SellerId = sellerId }))?.ToRecord();

    public async Task<IReadOnlyList<ReturnRecord>> ListAsync(
        string sellerId,
        Guid? orderId,
        bool? unexpected,
        int limit,
        Guid? after,
        CancellationToken cancellationToken
    )
    {
        var sql = database.Dialect.SelectTop(
            "returns.return_authorizations",
            ReturnColumns,
            "seller_id = @SellerId AND (@After IS NULL OR id > @After) AND (@OrderId IS NULL OR order_id = @OrderId) AND (@Unexpected IS "
                + "NULL OR unexpected = @Unexpected)",
            "id"
        );
        var rows = await database.QueryAsync<ReturnRow>(
            sql,
            new
            {
                SellerId = sellerId,
                After = after,
                OrderId = orderId,
                Unexpected = unexpected,
                limit,
            },
            cancellationToken
        );
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyList<ReturnedUnit>> UnitsAsync(Guid returnId, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<UnitRow>(
                $"SELECT {UnitColumns} FROM returns.returned_units WHERE return_id = @ReturnId ORDER BY received_at, unit_id",
                new { ReturnId = returnId },
                cancellationToken
            )
        )
            .Select(r => r.ToUnit())
            .ToList();

    /// <summary>The units of the given ids that were already received (anywhere, for any return), with the return each belongs
    /// to.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> KnownUnitsAsync(UnitOfWork unit, IReadOnlyCollection<string> unitIds) =>
        (
            await unit.QueryAsync<(string UnitId, Guid ReturnId)>(
                $"SELECT unit_id, return_id FROM returns.returned_units WHERE {database.Dialect.InList("unit_id", "UnitIds")}",
                new { UnitIds = unitIds.ToArray() }
            )
        ).ToDictionary(r => r.UnitId, r => r.ReturnId, StringComparer.Ordinal);

    /// <summary>Records a unit the first time its id is received; false when a concurrent receipt recorded it first.</summary>
    public async Task<bool> TryRecordUnitAsync(UnitOfWork unit, string sellerId, ReturnedUnit returned) =>
        await unit.ExecuteAsync(
            _insertUnit,
            new
            {
                returned.UnitId,
                SellerId = sellerId,
                returned.ReturnId,
                returned.Fnsku,
                returned.FulfillmentCenter,
                returned.BeyondAuthorization,
                returned.ReceivedAt,
            }
        ) == 1;

    public Task AddReceivedAsync(UnitOfWork unit, Guid returnId, int units, DateTime now) =>
        unit.ExecuteAsync(
            "UPDATE returns.return_authorizations SET received_units = received_units + @Units, updated_at = @Now WHERE id = @Id",
            new
            {
                Id = returnId,
                Units = units,
                Now = now,
            }
        );

    /// <summary>The return's units among <paramref name="unitIds"/> (call with the return locked).</summary>
    public async Task<IReadOnlyList<ReturnedUnit>> UnitsOfReturnAsync(
        UnitOfWork unit,
        Guid returnId,
        IReadOnlyCollection<string> unitIds
    ) =>
        (
            await unit.QueryAsync<UnitRow>(
                $"SELECT {UnitColumns} FROM returns.returned_units WHERE return_id = @ReturnId AND "
                    + $"{database.Dialect.InList("unit_id", "UnitIds")}",
                new { ReturnId = returnId, UnitIds = unitIds.ToArray() }
            )
        )
            .Select(r => r.ToUnit())
            .ToList();

    public async Task RecordInspectionAsync(UnitOfWork unit, InspectionRecord inspection, IReadOnlyCollection<string> unitIds)
    {
        await unit.ExecuteAsync(
            $"INSERT INTO returns.inspections ({InspectionColumns}) VALUES "
                + "(@Id, @SellerId, @ReturnId, @Grade, @OpenedPackaging, @Category, @Note, @Inspector, @Units, @Disposition, "
                + "@Responsibility, @DecisionRule, @InspectedAt)",
            new
            {
                inspection.Id,
                inspection.SellerId,
                inspection.ReturnId,
                Grade = inspection.Grade.ToString(),
                inspection.OpenedPackaging,
                inspection.Category,
                inspection.Note,
                inspection.Inspector,
                inspection.Units,
                Disposition = inspection.Disposition.ToString(),
                Responsibility = inspection.Responsibility.ToString(),
                DecisionRule = inspection.Rule,
                inspection.InspectedAt,
            }
        );
        await unit.ExecuteAsync(
            $"UPDATE returns.returned_units SET inspection_id = @InspectionId, grade = @Grade WHERE return_id = @ReturnId AND "
                + $"{database.Dialect.InList("unit_id", "UnitIds")}",
            new
            {
                InspectionId = inspection.Id,
                Grade = inspection.Grade.ToString(),
                inspection.ReturnId,
                UnitIds = unitIds.ToArray(),
            }
        );
        await unit.ExecuteAsync(
            "UPDATE returns.return_authorizations SET graded_units = graded_units + @Units, updated_at = @Now WHERE id = @Id",
            new
            {
                Id = inspection.ReturnId,
                Units = unitIds.Count,
                Now = inspection.InspectedAt,
            }
        );
    }

    public async Task<IReadOnlyList<InspectionRecord>> InspectionsAsync(
        string sellerId,
        Guid returnId,
        int limit,
        Guid? after,
        CancellationToken cancellationToken
    )
    {
        var sql = database.Dialect.SelectTop(
            "returns.inspections",
            InspectionColumns,
            "seller_id = @SellerId AND return_id = @ReturnId AND (@After IS NULL OR id > @After)",
            "id"
        );
        return (
            await database.QueryAsync<InspectionRow>(
                sql,
                new
                {
                    SellerId = sellerId,
                    ReturnId = returnId,
                    After = after,
                    limit,
                },
                cancellationToken
            )
        ).Select(r => r.ToRecord()).ToList();
    }

    private sealed class ReturnRow
    {
        public Guid Id { get; init; }
        public string SellerId { get; init; } = "";
        public bool Unexpected { get; init; }
        public Guid? OrderId { get; init; }
        public string Fnsku { get; init; } = "";
        public string? Marketplace { get; init; }
        public string? Reason { get; init; }
        public int AuthorizedQuantity { get; init; }
        public int ReceivedUnits { get; init; }
        public int GradedUnits { get; init; }
        public DateTime? WindowClosesAt { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public ReturnRecord ToRecord() =>
            new(
                Id,
                SellerId,
                Unexpected,
                OrderId,
                Fnsku,
                Marketplace,
                Reason is null ? null : Enum.Parse<ReturnReason>(Reason),
                AuthorizedQuantity,
                ReceivedUnits,
                GradedUnits,
                WindowClosesAt is { } closes ? Utc.Kind(closes) : null,
                Utc.Kind(CreatedAt),
                Utc.Kind(UpdatedAt)
            );
    }

    private sealed class UnitRow
    {
        public string UnitId { get; init; } = "";
        public Guid ReturnId { get; init; }
        public string Fnsku { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public bool BeyondAuthorization { get; init; }
        public DateTime ReceivedAt { get; init; }
        public Guid? InspectionId { get; init; }
        public string? Grade { get; init; }

        public ReturnedUnit ToUnit() =>
            new(
                UnitId,
                ReturnId,
                Fnsku,
                FulfillmentCenter,
                BeyondAuthorization,
                Utc.Kind(ReceivedAt),
                InspectionId,
                Grade is null ? null : Enum.Parse<ReturnGrade>(Grade)
            );
    }

    private sealed class InspectionRow
    {
        public Guid Id { get; init; }
        public string SellerId { get; init; } = "";
        public Guid ReturnId { get; init; }
        public string Grade { get; init; } = "";
        public bool OpenedPackaging { get; init; }
        public string? Category { get; init; }
        public string? Note { get; init; }
        public string Inspector { get; init; } = "";
        public int Units { get; init; }
        public string Disposition { get; init; } = "";
        public string Responsibility { get; init; } = "";
        public string DecisionRule { get; init; } = "";
        public DateTime InspectedAt { get; init; }

        public InspectionRecord ToRecord() =>
            new(
                Id,
                SellerId,
                ReturnId,
                Enum.Parse<ReturnGrade>(Grade),
                OpenedPackaging,
                Category,
                Note,
                Inspector,
                Units,
                Enum.Parse<Disposition>(Disposition),
                Enum.Parse<Responsibility>(Responsibility),
                DecisionRule,
                Utc.Kind(InspectedAt)
            );
    }
}

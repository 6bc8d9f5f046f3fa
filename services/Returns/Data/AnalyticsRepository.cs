using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.Returns.Data;

/// <summary>Return rates, breakdowns, reimbursements, and the high-return-rate alarm's state per FNSKU.</summary>
public sealed class AnalyticsRepository(Database database)
{
    private const string ReimbursementColumns =
        "id, seller_id, reason, grade, return_id, inspection_id, adjustment_id, fnsku, units, unit_price, amount, currency, created_at";

    // Shipped and returned units per FNSKU in the window; an FNSKU with returns but no sale in the window still shows.
    private const string Rates =
        "(SELECT COALESCE(s.fnsku, r.fnsku) AS fnsku, CAST(COALESCE(s.units, 0) AS integer) AS shipped_units, CAST(COALESCE(r.units, 0) AS "
        + "integer) AS returned_units "
        + "FROM (SELECT fnsku, SUM(quantity) AS units FROM returns.shipped_lines WHERE seller_id = @SellerId AND shipped_at >= @From AND "
        + "shipped_at < @To GROUP BY fnsku) s "
        + "FULL OUTER JOIN (SELECT fnsku, COUNT(*) AS units FROM returns.returned_units WHERE seller_id = @SellerId AND received_at >= "
        + "@From AND received_at < @To GROUP BY fnsku) r "
        + "ON s.fnsku = r.fnsku) rates";

    private readonly string _rates = database.Dialect.SelectTop(
        Rates,
        "fnsku, shipped_units, returned_units",
        "(@After IS NULL OR fnsku > @After) AND (@Fnsku IS NULL OR fnsku = @Fnsku)",
        "fnsku"
    );

    private readonly string _ensureAlert = database.Dialect.InsertIfAbsent(
        "returns.return_rate_alerts",
        ["seller_id", "fnsku"],
        ["seller_id", "fnsku", "above_threshold", "return_rate", "changed_at", "checked_at"]
    );

    private readonly string _claimRaised = database.Dialect.SelectForUpdateSkipLocked(
        "returns.return_rate_alerts",
        "seller_id, fnsku",
        "above_threshold = @Above AND checked_at < @Before",
        "checked_at"
    );

    private readonly string _lockAlert = database.Dialect.SelectForUpdate(
        "returns.return_rate_alerts",
        "above_threshold",
        "seller_id = @SellerId AND fnsku = @Fnsku"
    );

    public async Task<IReadOnlyList<FnskuReturnFigures>> RatesAsync(
        string sellerId,
        DateTime from,
        DateTime to,
        string? fnsku,
        int limit,
        string? after,
        CancellationToken cancellationToken
    ) => (
            await database.QueryAsync<RateRow>(
                _rates,
                new
                {
                    SellerId = sellerId,
                    From = from,
                    To = to,
                    Fnsku = fnsku,
                    After = after,
                    limit,
                },
                cancellationToken
            )
        ).Select(r => new FnskuReturnFigures(r.Fnsku, r.ShippedUnits, r.ReturnedUnits)).ToList();

    public Task<int> ReturnedUnitsAsync(UnitOfWork unit, string sellerId, string fnsku, DateTime from, DateTime to) =>
        unit.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM returns.returned_units WHERE seller_id = @SellerId AND fnsku = @Fnsku AND received_at >= @From AND "
                + "received_at < @To",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                From = from,
                To = to,
            }
        );

    public Task<ReturnSummaryFigures> SummaryAsync(string sellerId, DateTime from, DateTime to, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, token) =>
            {
                var window = new
                {
                    SellerId = sellerId,
                    From = from,
                    To = to,
                };
                async Task<IReadOnlyList<T>> Query<T>(string sql) =>
                    (
                        await Dapper.SqlMapper.QueryAsync<T>(
                            connection,
                            new Dapper.CommandDefinition(sql, window, cancellationToken: token)
                        )
                    ).ToList();

                var shipped = await Dapper.SqlMapper.ExecuteScalarAsync<int>(
                    connection,
                    new Dapper.CommandDefinition(
                        "SELECT CAST(COALESCE(SUM(quantity), 0) AS integer) FROM returns.shipped_lines WHERE seller_id = @SellerId AND "
                            + "shipped_at >= @From AND shipped_at < @To",
                        window,
                        cancellationToken: token
                    )
                );
                var reasons = await Query<(string? Reason, bool Unexpected, int Units)>(
                    "SELECT a.reason, a.unexpected, CAST(COUNT(*) AS integer) AS units FROM returns.returned_units u "
                        + "JOIN returns.return_authorizations a ON a.id = u.return_id "
                        + "WHERE u.seller_id = @SellerId AND u.received_at >= @From AND u.received_at < @To GROUP BY a.reason, a.unexpected"
                );
                var grades = await Query<(string Grade, int Units)>(
                    "SELECT grade, CAST(SUM(units) AS integer) AS units FROM returns.inspections "
                        + "WHERE seller_id = @SellerId AND inspected_at >= @From AND inspected_at < @To GROUP BY grade"
                );
                var dispositions = await Query<(string Disposition, int Units)>(
                    "SELECT disposition, CAST(SUM(units) AS integer) AS units FROM returns.inspections "
                        + "WHERE seller_id = @SellerId AND inspected_at >= @From AND inspected_at < @To GROUP BY disposition"
                );
                var reimbursements = await Query<(string Currency, int Units, decimal Amount)>(
                    "SELECT currency, CAST(SUM(units) AS integer) AS units, SUM(amount) AS amount FROM returns.reimbursements "
                        + "WHERE seller_id = @SellerId AND created_at >= @From AND created_at < @To GROUP BY currency"
                );
                return new ReturnSummaryFigures(
                    shipped,
                    reasons.Sum(r => r.Units),
                    reasons.Where(r => r.Unexpected).Sum(r => r.Units),
                    reasons.Where(r => !r.Unexpected).GroupBy(r => r.Reason).Select(g => (g.Key, g.Sum(r => r.Units))).ToList(),
                    grades,
                    dispositions,
                    reimbursements.Select(r => (r.Currency.Trim(), r.Units, r.Amount)).ToList()
                );
            },
            cancellationToken
        );

    public Task AddReimbursementAsync(UnitOfWork unit, ReimbursementRecord record) =>
        unit.ExecuteAsync(
            $"INSERT INTO returns.reimbursements ({ReimbursementColumns}) VALUES "
                + "(@Id, @SellerId, @Reason, @Grade, @ReturnId, @InspectionId, @AdjustmentId, @Fnsku, @Units, @UnitPrice, @Amount, "
                + "@Currency, @CreatedAt)",
            new
            {
                record.Id,
                record.SellerId,
                Reason = record.Reason.ToString(),
                // A damaged return's reason is its grade, kept in the grade column as before.
                Grade = record.ReturnId is null ? null : record.Reason.ToString(),
                record.ReturnId,
                record.InspectionId,
                record.AdjustmentId,
                record.Fnsku,
                record.Units,
                record.UnitPrice,
                record.Amount,
                record.Currency,
                record.CreatedAt,
            }
        );

    public async Task<IReadOnlyList<ReimbursementRecord>> ReimbursementsAsync(
        string sellerId,
        Guid? returnId,
        int limit,
        Guid? after,
        CancellationToken cancellationToken
    )
    {
        var sql = database.Dialect.SelectTop(
            "returns.reimbursements",
            ReimbursementColumns,
            "seller_id = @SellerId AND (@ReturnId IS NULL OR return_id = @ReturnId) AND (@After IS NULL OR id > @After)",
            "id"
        );
        return (
            await database.QueryAsync<ReimbursementRow>(
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

    /// <summary>Whether the FNSKU's return rate was above the threshold at its last reading, locked until the transaction ends.</summary>
    public async Task<bool> LockAlertAsync(UnitOfWork unit, string sellerId, string fnsku, DateTime now)
    {
        await unit.ExecuteAsync(
            _ensureAlert,
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                AboveThreshold = false,
                ReturnRate = (decimal?)null,
                ChangedAt = now,
                CheckedAt = now,
            }
        );
        return await unit.ExecuteScalarAsync<bool>(_lockAlert, new { SellerId = sellerId, Fnsku = fnsku });
    }

    /// <summary>Like <see cref="LockAlertAsync"/>, without creating the row: null when the FNSKU was never read.</summary>
    public Task<bool?> LockExistingAlertAsync(UnitOfWork unit, string sellerId, string fnsku) =>
        unit.QuerySingleOrDefaultAsync<bool?>(_lockAlert, new { SellerId = sellerId, Fnsku = fnsku });

    /// <summary>Records a reading; <c>changed_at</c> moves only when the alarm changed state.</summary>
    public Task SaveAlertAsync(UnitOfWork unit, string sellerId, string fnsku, bool above, double? rate, DateTime now) =>
        unit.ExecuteAsync(
            "UPDATE returns.return_rate_alerts SET changed_at = CASE WHEN above_threshold <> @Above THEN @Now ELSE changed_at END, "
                + "above_threshold = @Above, return_rate = @Rate, checked_at = @Now WHERE seller_id = @SellerId AND fnsku = @Fnsku",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                Above = above,
                Rate = rate is { } r ? (decimal?)Math.Round((decimal)r, 6) : null,
                Now = now,
            }
        );

    /// <summary>
    /// Claims up to <paramref name="limit"/> raised alarms not read since <paramref name="before"/>, skipping those another
    /// replica holds, so several replicas sweep without reading one alarm twice.
    /// </summary>
    public async Task<IReadOnlyList<(string SellerId, string Fnsku)>> ClaimRaisedAlertsAsync(UnitOfWork unit, DateTime before, int limit) =>
        (
            await unit.QueryAsync<(string SellerId, string Fnsku)>(
                _claimRaised,
                new
                {
                    Above = true,
                    Before = before,
                    limit,
                }
            )
        ).ToList();

    private sealed class RateRow
    {
        public string Fnsku { get; init; } = "";
        public int ShippedUnits { get; init; }
        public int ReturnedUnits { get; init; }
    }

    private sealed class ReimbursementRow
    {
        public Guid Id { get; init; }
        public string SellerId { get; init; } = "";
        public string? Reason { get; init; }
        public string? Grade { get; init; }
        public Guid? ReturnId { get; init; }
        public Guid? InspectionId { get; init; }
        public Guid? AdjustmentId { get; init; }
        public string Fnsku { get; init; } = "";
        public int Units { get; init; }
        public decimal UnitPrice { get; init; }
        public decimal Amount { get; init; }
        public string Currency { get; init; } = "";
        public DateTime CreatedAt { get; init; }

        public ReimbursementRecord ToRecord() =>
            new(
                Id,
                SellerId,
                // Written before adjustments were reimbursed: the grade was the reason.
                Enum.Parse<ReimbursementReason>(Reason ?? Grade ?? nameof(ReimbursementReason.WarehouseDamaged)),
                ReturnId,
                InspectionId,
                AdjustmentId,
                Fnsku,
                Units,
                UnitPrice,
                Amount,
                Currency.Trim(),
                Utc.Kind(CreatedAt)
            );
    }
}

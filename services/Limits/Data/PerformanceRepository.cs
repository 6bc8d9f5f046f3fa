using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Domain;

namespace InventoryPlatform.Limits.Data;

/// <summary>The daily score snapshots (the score's time series) and the overage records with their fees.</summary>
public sealed class PerformanceRepository(Database database)
{
    private readonly string _upsertScore = database.Dialect.Upsert(
        "limits.score_history",
        ["seller_id", "day"],
        ["seller_id", "day", "performance_score", "excess_share", "sell_through_rate", "stranded_share", "in_stock_rate", "computed_at"],
        ["performance_score", "excess_share", "sell_through_rate", "stranded_share", "in_stock_rate", "computed_at"]
    );

    private readonly string _upsertOverage = database.Dialect.Upsert(
        "limits.overages",
        ["seller_id", "storage_type", "day"],
        [
            "seller_id",
            "storage_type",
            "day",
            "limit_cubic_feet",
            "used_cubic_feet",
            "overage_cubic_feet",
            "fee_amount",
            "currency",
            "recorded_at",
        ],
        ["limit_cubic_feet", "used_cubic_feet", "overage_cubic_feet", "fee_amount", "currency", "recorded_at"]
    );

    public Task SaveScoreAsync(UnitOfWork unit, string sellerId, DateOnly day, ScoreInputs inputs, int score, DateTime computedAt) =>
        unit.ExecuteAsync(
            _upsertScore,
            new
            {
                SellerId = sellerId,
                Day = Dates.Day(day),
                PerformanceScore = score,
                inputs.ExcessShare,
                SellThroughRate = inputs.SellThroughRate90Days,
                inputs.StrandedShare,
                inputs.InStockRate,
                ComputedAt = computedAt,
            }
        );

    /// <summary>Records the day's overage of a storage type (a later recompute the same day replaces it: one fee per day).</summary>
    public Task SaveOverageAsync(UnitOfWork unit, string sellerId, DateOnly day, Overage overage, string currency, DateTime recordedAt) =>
        unit.ExecuteAsync(
            _upsertOverage,
            new
            {
                SellerId = sellerId,
                StorageType = overage.StorageType.ToString(),
                Day = Dates.Day(day),
                overage.LimitCubicFeet,
                overage.UsedCubicFeet,
                overage.OverageCubicFeet,
                FeeAmount = overage.DailyFee,
                Currency = currency,
                RecordedAt = recordedAt,
            }
        );

    /// <summary>A storage type back within its limit the same day owes nothing for that day.</summary>
    public Task ClearOverageAsync(UnitOfWork unit, string sellerId, DateOnly day, StorageType storageType) =>
        unit.ExecuteAsync(
            "DELETE FROM limits.overages WHERE seller_id = @SellerId AND storage_type = @StorageType AND day = @Day",
            new
            {
                SellerId = sellerId,
                StorageType = storageType.ToString(),
                Day = Dates.Day(day),
            }
        );

    public async Task<IReadOnlyList<ScoreSnapshot>> ScoresAsync(
        string sellerId,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken
    )
    {
        var rows = await database.QueryAsync<ScoreRow>(
            "SELECT day, performance_score, excess_share, sell_through_rate, stranded_share, in_stock_rate, computed_at FROM "
                + "limits.score_history "
                + "WHERE seller_id = @SellerId AND day >= @From AND day <= @To ORDER BY day",
            new
            {
                SellerId = sellerId,
                From = Dates.Day(from),
                To = Dates.Day(to),
            },
            cancellationToken
        );
        return rows.Select(r => new ScoreSnapshot(
                Dates.ToDay(r.Day),
                r.PerformanceScore,
                r.ExcessShare,
                r.SellThroughRate,
                r.StrandedShare,
                r.InStockRate,
                r.ComputedAt
            ))
            .ToList();
    }

    public async Task<IReadOnlyList<OverageRecord>> OveragesAsync(
        string sellerId,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken
    )
    {
        var rows = await database.QueryAsync<OverageRow>(
            "SELECT storage_type, day, limit_cubic_feet, used_cubic_feet, overage_cubic_feet, fee_amount, currency, recorded_at FROM "
                + "limits.overages "
                + "WHERE seller_id = @SellerId AND day >= @From AND day <= @To ORDER BY day, storage_type",
            new
            {
                SellerId = sellerId,
                From = Dates.Day(from),
                To = Dates.Day(to),
            },
            cancellationToken
        );
        return rows.Select(r => new OverageRecord(
                Enum.Parse<StorageType>(r.StorageType),
                Dates.ToDay(r.Day),
                r.LimitCubicFeet,
                r.UsedCubicFeet,
                r.OverageCubicFeet,
                r.FeeAmount,
                r.Currency,
                r.RecordedAt
            ))
            .ToList();
    }

    private sealed class ScoreRow
    {
        public object Day { get; init; } = DateTime.MinValue;
        public int PerformanceScore { get; init; }
        public double ExcessShare { get; init; }
        public double SellThroughRate { get; init; }
        public double StrandedShare { get; init; }
        public double InStockRate { get; init; }
        public DateTime ComputedAt { get; init; }
    }

    private sealed class OverageRow
    {
        public string StorageType { get; init; } = "";
        public object Day { get; init; } = DateTime.MinValue;
        public decimal LimitCubicFeet { get; init; }
        public decimal UsedCubicFeet { get; init; }
        public decimal OverageCubicFeet { get; init; }
        public decimal FeeAmount { get; init; }
        public string Currency { get; init; } = "";
        public DateTime RecordedAt { get; init; }
    }
}

using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Domain;

namespace InventoryPlatform.Forecasting.Data;

/// <summary>Forecasts, the forecast track accuracy is measured on, recommendations, alerts and the refresh schedule.</summary>
public sealed class ForecastRepository(Database database)
{
    private const string DaysSql =
        "SELECT region, forecast_date, p10, p50, p90 FROM forecasting.forecast_days WHERE seller_id = @SellerId AND fnsku = @Fnsku ORDER "
        + "BY region, forecast_date";

    private readonly string _upsertModel = database.Dialect.Upsert(
        "forecasting.forecast_models",
        ["seller_id", "fnsku", "region"],
        ["seller_id", "fnsku", "region", "model", "candidates", "made_at", "guard"],
        ["model", "candidates", "made_at", "guard"]
    );

    private readonly string _upsertTrack = database.Dialect.Upsert(
        "forecasting.forecast_track",
        ["seller_id", "fnsku", "forecast_date"],
        ["seller_id", "fnsku", "forecast_date", "p10", "p50", "p90"],
        ["p10", "p50", "p90"]
    );

    private readonly string _upsertAccuracy = database.Dialect.Upsert(
        "forecasting.accuracy",
        ["seller_id", "fnsku"],
        ["seller_id", "fnsku", "mape", "wape", "bias", "days", "measured_at", "coverage", "pinball"],
        ["mape", "wape", "bias", "days", "measured_at", "coverage", "pinball"]
    );

    private readonly string _upsertRecommendation = database.Dialect.Upsert(
        "forecasting.recommendations",
        ["seller_id", "fnsku"],
        [
            "seller_id",
            "fnsku",
            "available",
            "inbound",
            "in_transit",
            "lead_time_demand",
            "safety_stock",
            "reorder_point",
            "order_up_to_level",
            "recommended_units",
            "days_of_supply",
            "urgency",
            "ship_by",
            "evaluated_at",
        ],
        [
            "available",
            "inbound",
            "in_transit",
            "lead_time_demand",
            "safety_stock",
            "reorder_point",
            "order_up_to_level",
            "recommended_units",
            "days_of_supply",
            "urgency",
            "ship_by",
            "evaluated_at",
        ]
    );

    private readonly string _claimDue = database.Dialect.SelectForUpdateSkipLocked(
        "forecasting.refresh_schedule",
        "seller_id",
        "next_refresh_at <= @Now",
        "next_refresh_at"
    );

    private readonly string _lockSeller = database.Dialect.SelectForUpdate(
        "forecasting.refresh_schedule",
        "seller_id",
        "seller_id = @SellerId"
    );

    /// <summary>Replaces the forecast of one (FNSKU, region) and records which model made it.</summary>
    public async Task SaveForecastAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        string region,
        SeriesForecast forecast,
        string candidatesJson,
        DateOnly from,
        DateTime now
    )
    {
        var key = new
        {
            SellerId = sellerId,
            Fnsku = fnsku,
            Region = region,
        };
        await unit.ExecuteAsync(
            "DELETE FROM forecasting.forecast_days WHERE seller_id = @SellerId AND fnsku = @Fnsku AND region = @Region",
            key
        );
        await unit.ExecuteAsync(
            "INSERT INTO forecasting.forecast_days (seller_id, fnsku, region, forecast_date, p10, p50, p90) VALUES (@SellerId, @Fnsku, "
                + "@Region, @ForecastDate, @P10, @P50, @P90)",
            forecast.P50.Select(
                (p50, d) =>
                    new
                    {
                        SellerId = sellerId,
                        Fnsku = fnsku,
                        Region = region,
                        ForecastDate = from.AddDays(d).ToDateTime(TimeOnly.MinValue),
                        P10 = forecast.P10[d],
                        P50 = p50,
                        P90 = forecast.P90[d],
                    }
            )
        );
        await unit.ExecuteAsync(
            _upsertModel,
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                Region = region,
                forecast.Model,
                Candidates = candidatesJson,
                MadeAt = now,
                forecast.Guard,
            }
        );
    }

    /// <summary>
    /// Replaces every region's forecast of the FNSKUs in <paramref name="series"/> (days and models; regions not listed are
    /// dropped) in bulk: for a refresh of thousands of series, where a statement per row would set the time.
    /// </summary>
    public async Task ReplaceForecastsAsync(
        UnitOfWork unit,
        string sellerId,
        IReadOnlyList<StoredForecast> series,
        DateOnly from,
        DateTime now
    )
    {
        var key = new { SellerId = sellerId, Fnskus = series.Select(s => s.Fnsku).Distinct(StringComparer.Ordinal).ToArray() };
        foreach (var table in new[] { "forecasting.forecast_days", "forecasting.forecast_models" })
        {
            await unit.ExecuteAsync(
                $"DELETE FROM {table} WHERE seller_id = @SellerId AND {database.Dialect.InList("fnsku", "Fnskus")}",
                key
            );
        }

        await unit.BulkInsertAsync(
            "forecasting.forecast_days",
            ["seller_id", "fnsku", "region", "forecast_date", "p10", "p50", "p90"],
            series.SelectMany(s =>
                s.Forecast.P50.Select(
                    (p50, d) => new object?[] { sellerId, s.Fnsku, s.Region, from.AddDays(d), s.Forecast.P10[d], p50, s.Forecast.P90[d] }
                )
            )
        );
        await unit.BulkInsertAsync(
            "forecasting.forecast_models",
            ["seller_id", "fnsku", "region", "model", "candidates", "made_at", "guard"],
            series.Select(s => new object?[] { sellerId, s.Fnsku, s.Region, s.Forecast.Model, s.CandidatesJson, now, s.Forecast.Guard })
        );
    }

    /// <summary>As <see cref="TrackAsync"/> for many FNSKUs at once, in bulk.</summary>
    public async Task TrackManyAsync(
        UnitOfWork unit,
        string sellerId,
        IReadOnlyList<(string Fnsku, IReadOnlyList<ForecastPoint> Total)> tracks,
        DateOnly from
    )
    {
        await unit.ExecuteAsync(
            $"DELETE FROM forecasting.forecast_track WHERE seller_id = @SellerId AND {database.Dialect.InList("fnsku", "Fnskus")} "
                + "AND forecast_date >= @From",
            new
            {
                SellerId = sellerId,
                Fnskus = tracks.Select(t => t.Fnsku).ToArray(),
                From = from.ToDateTime(TimeOnly.MinValue),
            }
        );
        await unit.BulkInsertAsync(
            "forecasting.forecast_track",
            ["seller_id", "fnsku", "forecast_date", "p10", "p50", "p90"],
            tracks.SelectMany(t => t.Total.Select(p => new object?[] { sellerId, t.Fnsku, p.Date, p.P10, p.P50, p.P90 }))
        );
    }

    /// <summary>As <see cref="TrackedAsync"/> for many FNSKUs in one query: their tracked days in [from, before), by FNSKU.</summary>
    public async Task<ILookup<string, TrackedDay>> TrackedManyAsync(
        UnitOfWork unit,
        string sellerId,
        IReadOnlyList<string> fnskus,
        DateOnly from,
        DateOnly before
    )
    {
        var rows = await unit.QueryAsync<TrackRow>(
            "SELECT t.fnsku, t.p10, t.p50, t.p90, COALESCE((SELECT SUM(s.units) FROM forecasting.daily_sales s "
                + "WHERE s.seller_id = t.seller_id AND s.fnsku = t.fnsku AND s.sales_date = t.forecast_date), 0) AS actual "
                + $"FROM forecasting.forecast_track t WHERE t.seller_id = @SellerId AND {database.Dialect.InList("t.fnsku", "Fnskus")} "
                + "AND t.forecast_date >= @From AND t.forecast_date < @Before",
            new
            {
                SellerId = sellerId,
                Fnskus = fnskus.ToArray(),
                From = from.ToDateTime(TimeOnly.MinValue),
                Before = before.ToDateTime(TimeOnly.MinValue),
            }
        );
        return rows.ToLookup(r => r.Fnsku, r => new TrackedDay(r.Actual, r.P10, r.P50, r.P90), StringComparer.Ordinal);
    }

    public void SaveAccuracy(StatementBatch batch, string sellerId, AccuracyRecord accuracy) =>
        batch.Add(
            _upsertAccuracy,
            new
            {
                SellerId = sellerId,
                accuracy.Fnsku,
                accuracy.Mape,
                accuracy.Wape,
                accuracy.Bias,
                accuracy.Days,
                accuracy.MeasuredAt,
                accuracy.Coverage,
                accuracy.Pinball,
            }
        );

    /// <summary>Drops regions of the FNSKU that are no longer forecast.</summary>
    public async Task KeepRegionsAsync(UnitOfWork unit, string sellerId, string fnsku, IReadOnlyCollection<string> regions)
    {
        foreach (var table in new[] { "forecasting.forecast_days", "forecasting.forecast_models" })
        {
            await unit.ExecuteAsync(
                $"DELETE FROM {table} WHERE seller_id = @SellerId AND fnsku = @Fnsku AND NOT "
                    + $"({database.Dialect.InList("region", "Regions")})",
                new
                {
                    SellerId = sellerId,
                    Fnsku = fnsku,
                    Regions = regions.ToArray(),
                }
            );
        }
    }

    /// <summary>Upcoming days of the FNSKU-total P10/P50/P90: past days keep the values last forecast before they came.</summary>
    public Task TrackAsync(UnitOfWork unit, string sellerId, string fnsku, DateOnly from, IReadOnlyList<ForecastPoint> total) =>
        unit.ExecuteAsync(
            _upsertTrack,
            total.Select(
                (point, d) =>
                    new
                    {
                        SellerId = sellerId,
                        Fnsku = fnsku,
                        ForecastDate = from.AddDays(d).ToDateTime(TimeOnly.MinValue),
                        point.P10,
                        point.P50,
                        point.P90,
                    }
            )
        );

    /// <summary>Actual units and the forecast P10/P50/P90 of the FNSKU for each tracked day in [from, before) (P10/P90 are null on
    /// days tracked before intervals were).</summary>
    public async Task<IReadOnlyList<TrackedDay>> TrackedAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        DateOnly from,
        DateOnly before
    )
    {
        var rows = (
            await unit.QueryAsync<TrackRow>(
                "SELECT t.p10, t.p50, t.p90, COALESCE((SELECT SUM(s.units) FROM forecasting.daily_sales s "
                    + "WHERE s.seller_id = t.seller_id AND s.fnsku = t.fnsku AND s.sales_date = t.forecast_date), 0) AS actual "
                    + "FROM forecasting.forecast_track t WHERE t.seller_id = @SellerId AND t.fnsku = @Fnsku AND t.forecast_date >= @From "
                    + "AND t.forecast_date < @Before",
                new
                {
                    SellerId = sellerId,
                    Fnsku = fnsku,
                    From = from.ToDateTime(TimeOnly.MinValue),
                    Before = before.ToDateTime(TimeOnly.MinValue),
                }
            )
        ).ToList();
        return rows.Select(r => new TrackedDay(r.Actual, r.P10, r.P50, r.P90)).ToList();
    }

    public Task SaveAccuracyAsync(UnitOfWork unit, string sellerId, AccuracyRecord accuracy) =>
        unit.ExecuteAsync(
            _upsertAccuracy,
            new
            {
                SellerId = sellerId,
                accuracy.Fnsku,
                accuracy.Mape,
                accuracy.Wape,
                accuracy.Bias,
                accuracy.Days,
                accuracy.MeasuredAt,
                accuracy.Coverage,
                accuracy.Pinball,
            }
        );

    public async Task<IReadOnlyList<AccuracyRecord>> AccuracyAsync(string sellerId, string? fnsku, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<AccuracyRecord>(
                "SELECT fnsku, mape, wape, bias, days, measured_at, coverage, pinball FROM forecasting.accuracy "
                    + "WHERE seller_id = @SellerId AND (@Fnsku IS "
                    + "NULL OR fnsku = @Fnsku) ORDER BY fnsku",
                new { SellerId = sellerId, Fnsku = fnsku },
                cancellationToken
            )
        ).ToList();

    public async Task<IReadOnlyList<ForecastDay>> DaysAsync(UnitOfWork unit, string sellerId, string fnsku) =>
        (await unit.QueryAsync<DayRow>(DaysSql, new { SellerId = sellerId, Fnsku = fnsku })).Select(r => r.ToDay()).ToList();

    public Task<IReadOnlyList<ForecastDay>> DaysAsync(string sellerId, string fnsku, CancellationToken cancellationToken) =>
        database.InTransactionAsync(unit => DaysAsync(unit, sellerId, fnsku), cancellationToken);

    public async Task<IReadOnlyList<RegionModel>> ModelsAsync(string sellerId, string fnsku, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<RegionModel>(
                "SELECT region, model, candidates, made_at, guard FROM forecasting.forecast_models "
                    + "WHERE seller_id = @SellerId AND fnsku = @Fnsku "
                    + "ORDER BY region",
                new { SellerId = sellerId, Fnsku = fnsku },
                cancellationToken
            )
        ).ToList();

    /// <summary>FNSKUs with a forecast, after the cursor, in FNSKU order.</summary>
    public async Task<IReadOnlyList<string>> ForecastFnskusAsync(
        string sellerId,
        string? after,
        int limit,
        CancellationToken cancellationToken
    ) =>
        (
            await database.QueryAsync<string>(
                database.Dialect.SelectTop(
                    "forecasting.forecast_models",
                    "DISTINCT fnsku",
                    "seller_id = @SellerId AND (@After IS NULL OR fnsku > @After)",
                    "fnsku"
                ),
                new
                {
                    SellerId = sellerId,
                    After = after,
                    limit,
                },
                cancellationToken
            )
        ).ToList();

    public void SaveRecommendation(StatementBatch batch, string sellerId, RecommendationRecord recommendation) =>
        batch.Add(
            _upsertRecommendation,
            new
            {
                SellerId = sellerId,
                recommendation.Fnsku,
                recommendation.Available,
                recommendation.Inbound,
                recommendation.InTransit,
                recommendation.LeadTimeDemand,
                recommendation.SafetyStock,
                recommendation.ReorderPoint,
                recommendation.OrderUpToLevel,
                recommendation.RecommendedUnits,
                recommendation.DaysOfSupply,
                recommendation.Urgency,
                ShipBy = recommendation.ShipBy.ToDateTime(TimeOnly.MinValue),
                recommendation.EvaluatedAt,
            }
        );

    public async Task<IReadOnlyList<RecommendationRecord>> RecommendationsAsync(
        string sellerId,
        string? fnsku,
        string? after,
        int limit,
        CancellationToken cancellationToken
    ) =>
        (
            await database.QueryAsync<RecommendationRecord>(
                database.Dialect.SelectTop(
                    "forecasting.recommendations",
                    "fnsku, available, inbound, in_transit, lead_time_demand, safety_stock, reorder_point, order_up_to_level, "
                        + "recommended_units, days_of_supply, urgency, ship_by, evaluated_at",
                    "seller_id = @SellerId AND (@Fnsku IS NULL OR fnsku = @Fnsku) AND (@After IS NULL OR fnsku > @After)",
                    "fnsku"
                ),
                new
                {
                    SellerId = sellerId,
                    Fnsku = fnsku,
                    After = after,
                    limit,
                },
                cancellationToken
            )
        ).ToList();

    public void AddAlert(StatementBatch batch, string sellerId, AlertRecord alert) =>
        batch.Add(
            "INSERT INTO forecasting.alerts (id, seller_id, fnsku, reorder_point, safety_stock, inventory_position, recommended_units, "
                + "days_of_supply, urgency, ship_by, raised_at) "
                + "VALUES (@Id, @SellerId, @Fnsku, @ReorderPoint, @SafetyStock, @InventoryPosition, @RecommendedUnits, @DaysOfSupply, "
                + "@Urgency, @ShipBy, @RaisedAt)",
            new
            {
                alert.Id,
                SellerId = sellerId,
                alert.Fnsku,
                alert.ReorderPoint,
                alert.SafetyStock,
                alert.InventoryPosition,
                alert.RecommendedUnits,
                alert.DaysOfSupply,
                alert.Urgency,
                ShipBy = alert.ShipBy.ToDateTime(TimeOnly.MinValue),
                alert.RaisedAt,
            }
        );

    /// <summary>The seller's alerts, newest first (ids are time-ordered), after the cursor.</summary>
    public async Task<IReadOnlyList<AlertRecord>> AlertsAsync(
        string sellerId,
        string? fnsku,
        Guid? before,
        int limit,
        CancellationToken cancellationToken
    ) =>
        (
            await database.QueryAsync<AlertRecord>(
                database.Dialect.SelectTop(
                    "forecasting.alerts",
                    "id, fnsku, reorder_point, safety_stock, inventory_position, recommended_units, days_of_supply, urgency, ship_by, "
                        + "raised_at",
                    "seller_id = @SellerId AND (@Fnsku IS NULL OR fnsku = @Fnsku) AND (@Before IS NULL OR id < @Before)",
                    "id DESC"
                ),
                new
                {
                    SellerId = sellerId,
                    Fnsku = fnsku,
                    Before = before,
                    limit,
                },
                cancellationToken
            )
        ).ToList();

    public void SetAlertArmed(StatementBatch batch, string sellerId, string fnsku, bool armed) =>
        batch.Add(
            "UPDATE forecasting.items SET alert_armed = @Armed WHERE seller_id = @SellerId AND fnsku = @Fnsku",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                Armed = armed,
            }
        );

    /// <summary>
    /// Locks the FNSKU's item row (serialising alert decisions of one FNSKU) and reads its alert state and stored forecast
    /// days, in one round trip; the state is null when the FNSKU is unknown.
    /// </summary>
    public async Task<(bool? AlertArmed, IReadOnlyList<ForecastDay> Days)> LockItemAsync(UnitOfWork unit, string sellerId, string fnsku)
    {
        await using var results = await unit.QueryMultipleAsync(
            database.Dialect.SelectForUpdate("forecasting.items", "alert_armed", "seller_id = @SellerId AND fnsku = @Fnsku")
                + ";\n"
                + DaysSql,
            new { SellerId = sellerId, Fnsku = fnsku }
        );
        var armed = await results.ReadSingleOrDefaultAsync<bool?>();
        var days = (await results.ReadAsync<DayRow>()).Select(r => r.ToDay()).ToList();
        return (armed, days);
    }

    /// <summary>
    /// As <see cref="LockItemAsync"/> for many FNSKUs: locks their item rows and reads their alert states; FNSKUs Forecasting
    /// does not know are missing.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, bool>> LockItemsAsync(UnitOfWork unit, string sellerId, IReadOnlyList<string> fnskus) =>
        (
            await unit.QueryAsync<(string Fnsku, bool AlertArmed)>(
                database.Dialect.SelectForUpdate(
                    "forecasting.items",
                    "fnsku, alert_armed",
                    $"seller_id = @SellerId AND {database.Dialect.InList("fnsku", "Fnskus")}"
                ),
                new { SellerId = sellerId, Fnskus = fnskus.ToArray() }
            )
        ).ToDictionary(r => r.Fnsku, r => r.AlertArmed, StringComparer.Ordinal);

    /// <summary>The stored forecast days of many FNSKUs in one query, by FNSKU.</summary>
    public async Task<ILookup<string, ForecastDay>> DaysAsync(UnitOfWork unit, string sellerId, IReadOnlyList<string> fnskus) =>
        (
            await unit.QueryAsync<FnskuDayRow>(
                "SELECT fnsku, region, forecast_date, p10, p50, p90 FROM forecasting.forecast_days "
                    + $"WHERE seller_id = @SellerId AND {database.Dialect.InList("fnsku", "Fnskus")}",
                new { SellerId = sellerId, Fnskus = fnskus.ToArray() }
            )
        ).ToLookup(r => r.Fnsku, r => new ForecastDay(r.Region, r.ForecastDate, r.P10, r.P50, r.P90), StringComparer.Ordinal);

    /// <summary>Claims sellers whose refresh is due; the rows stay locked (skipped by other replicas) until the transaction ends.</summary>
    public async Task<IReadOnlyList<string>> ClaimDueAsync(UnitOfWork unit, DateTime now, int limit) =>
        (await unit.QueryAsync<string>(_claimDue, new { Now = now, limit })).ToList();

    /// <summary>Locks the seller's schedule row, so an on-demand refresh and the scheduled one never run at once.</summary>
    public async Task LockSellerAsync(UnitOfWork unit, string sellerId, DateTime now)
    {
        await unit.ExecuteAsync(
            database.Dialect.InsertIfAbsent("forecasting.refresh_schedule", ["seller_id"], ["seller_id", "next_refresh_at"]),
            new { SellerId = sellerId, NextRefreshAt = now }
        );
        await unit.QueryAsync<string>(_lockSeller, new { SellerId = sellerId });
    }

    public Task ScheduleNextAsync(UnitOfWork unit, string sellerId, DateTime refreshedAt, DateTime next) =>
        unit.ExecuteAsync(
            "UPDATE forecasting.refresh_schedule SET last_refresh_at = @RefreshedAt, next_refresh_at = @Next WHERE seller_id = @SellerId",
            new
            {
                SellerId = sellerId,
                RefreshedAt = refreshedAt,
                Next = next,
            }
        );

    private sealed class TrackRow
    {
        public string Fnsku { get; init; } = "";
        public double? P10 { get; init; }
        public double P50 { get; init; }
        public double? P90 { get; init; }
        public long Actual { get; init; }
    }

    private sealed class FnskuDayRow
    {
        public string Fnsku { get; init; } = "";
        public string Region { get; init; } = "";
        public DateOnly ForecastDate { get; init; }
        public double P10 { get; init; }
        public double P50 { get; init; }
        public double P90 { get; init; }
    }

    private sealed class DayRow
    {
        public string Region { get; init; } = "";
        public DateOnly ForecastDate { get; init; }
        public double P10 { get; init; }
        public double P50 { get; init; }
        public double P90 { get; init; }

        public ForecastDay ToDay() => new(Region, ForecastDate, P10, P50, P90);
    }
}

using InventoryPlatform.Data;

namespace InventoryPlatform.Forecasting.Data;

/// <summary>The FNSKUs Forecasting knows, their daily sales, and their stock and inbound from Allocation's events.</summary>
public sealed class SalesRepository(Database database)
{
    private const string UpdateStock =
        "UPDATE forecasting.stock SET available = @Available, inbound = @Inbound, in_transit = @InTransit, version = @Version "
        + "WHERE seller_id = @SellerId AND fnsku = @Fnsku AND fulfillment_center = @FulfillmentCenter AND version < @Version";

    private readonly string _registerItem = database.Dialect.InsertIfAbsent(
        "forecasting.items",
        ["seller_id", "fnsku"],
        ["seller_id", "fnsku", "marketplace", "alert_armed", "created_at"]
    );

    private readonly string _insertDay = database.Dialect.InsertIfAbsent(
        "forecasting.daily_sales",
        ["seller_id", "fnsku", "region", "sales_date"],
        ["seller_id", "fnsku", "region", "sales_date", "units"]
    );

    private readonly string _upsertDay = database.Dialect.Upsert(
        "forecasting.daily_sales",
        ["seller_id", "fnsku", "region", "sales_date"],
        ["seller_id", "fnsku", "region", "sales_date", "units"],
        ["units"]
    );

    private readonly string _insertStock = database.Dialect.InsertIfAbsent(
        "forecasting.stock",
        ["seller_id", "fnsku", "fulfillment_center"],
        ["seller_id", "fnsku", "fulfillment_center", "available", "inbound", "in_transit", "version"]
    );

    private readonly string _insertSchedule = database.Dialect.InsertIfAbsent(
        "forecasting.refresh_schedule",
        ["seller_id"],
        ["seller_id", "next_refresh_at"]
    );

    /// <summary>Makes the FNSKU known (first marketplace seen sticks) and puts its seller on the refresh schedule.</summary>
    public async Task RegisterAsync(UnitOfWork unit, string sellerId, string fnsku, string marketplace, DateTime now)
    {
        // The schedule row before the item, as in RecordStockAsync: every path takes these locks in the same order.
        await unit.ExecuteAsync(_insertSchedule, new { SellerId = sellerId, NextRefreshAt = now });
        await unit.ExecuteAsync(
            _registerItem,
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                Marketplace = marketplace,
                AlertArmed = true,
                CreatedAt = now,
            }
        );
        if (marketplace.Length > 0)
        {
            // An FNSKU first seen in a stock change learns its marketplace from its first shipped order.
            await unit.ExecuteAsync(
                "UPDATE forecasting.items SET marketplace = @Marketplace WHERE seller_id = @SellerId AND fnsku = @Fnsku AND marketplace = "
                    + "''",
                new
                {
                    SellerId = sellerId,
                    Fnsku = fnsku,
                    Marketplace = marketplace,
                }
            );
        }
    }

    /// <summary>Adds shipped units to a day's sales.</summary>
    public async Task AddSaleAsync(UnitOfWork unit, string sellerId, string fnsku, string region, DateOnly day, int units)
    {
        var parameters = new
        {
            SellerId = sellerId,
            Fnsku = fnsku,
            Region = region,
            SalesDate = day.ToDateTime(TimeOnly.MinValue),
            Units = 0,
        };
        await unit.ExecuteAsync(_insertDay, parameters);
        await unit.ExecuteAsync(
            "UPDATE forecasting.daily_sales SET units = units + @Units WHERE seller_id = @SellerId AND fnsku = @Fnsku AND region = @Region "
                + "AND sales_date = @SalesDate",
            parameters with
            {
                Units = units,
            }
        );
    }

    /// <summary>Imported history sets the day's units: importing the same file twice changes nothing.</summary>
    public Task ImportAsync(UnitOfWork unit, string sellerId, IEnumerable<DailySale> sales) =>
        unit.ExecuteAsync(
            _upsertDay,
            sales.Select(s => new
            {
                SellerId = sellerId,
                s.Fnsku,
                s.Region,
                SalesDate = s.Date.ToDateTime(TimeOnly.MinValue),
                s.Units,
            })
        );

    /// <summary>
    /// Stock changes, in one round trip: each FNSKU becomes known (as <see cref="RegisterAsync"/> with no marketplace),
    /// its seller goes on the refresh schedule, and each FC's figures are kept unless an equal or newer version is
    /// already held. Per change, in order: true when its figures were applied. Callers list at most one change per FC,
    /// in (seller, FNSKU, FC) order; the schedule rows go first, as in <see cref="RegisterAsync"/>, so that every path
    /// takes the rows' locks in the same order.
    /// </summary>
    public async Task<bool[]> RecordStockAsync(UnitOfWork unit, IReadOnlyList<StockFigures> changes)
    {
        var batch = new StatementBatch(unit);
        foreach (var seller in changes.DistinctBy(c => c.SellerId))
        {
            batch.Add(_insertSchedule, new { seller.SellerId, NextRefreshAt = seller.OccurredAt });
        }

        var first = batch.Count;
        foreach (var stock in changes)
        {
            var figures = new
            {
                stock.SellerId,
                stock.Fnsku,
                stock.FulfillmentCenter,
                stock.Available,
                stock.Inbound,
                stock.InTransit,
                stock.Version,
            };
            batch.Add(
                _registerItem,
                new
                {
                    stock.SellerId,
                    stock.Fnsku,
                    Marketplace = "",
                    AlertArmed = true,
                    CreatedAt = stock.OccurredAt,
                }
            );
            batch.Add(_insertStock, figures);
            // A row inserted just now holds this version, so the update skips it; an existing row is updated only when older.
            batch.Add(UpdateStock, figures);
        }

        var affected = await batch.ExecuteAsync();
        return changes.Select((_, i) => affected[first + (3 * i) + 1] + affected[first + (3 * i) + 2] == 1).ToArray();
    }

    public async Task<bool> IsKnownAsync(string sellerId, string fnsku, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<int?>(
            "SELECT 1 FROM forecasting.items WHERE seller_id = @SellerId AND fnsku = @Fnsku",
            new { SellerId = sellerId, Fnsku = fnsku },
            cancellationToken
        )
            is not null;

    public async Task<IReadOnlyList<ItemRow>> ItemsAsync(UnitOfWork unit, string sellerId) =>
        (
            await unit.QueryAsync<ItemRow>(
                "SELECT fnsku, marketplace, alert_armed FROM forecasting.items WHERE seller_id = @SellerId ORDER BY fnsku",
                new { SellerId = sellerId }
            )
        ).ToList();

    public async Task<IReadOnlyList<DailySale>> SalesAsync(UnitOfWork unit, string sellerId, DateOnly before)
    {
        var rows = await unit.QueryAsync<SaleRow>(
            "SELECT fnsku, region, sales_date, units FROM forecasting.daily_sales WHERE seller_id = @SellerId AND sales_date < @Before",
            new { SellerId = sellerId, Before = before.ToDateTime(TimeOnly.MinValue) }
        );
        return rows.Select(r => new DailySale(r.Fnsku, r.Region, r.SalesDate, r.Units)).ToList();
    }

    public async Task<IReadOnlyList<DailySale>> HistoryAsync(
        string sellerId,
        string fnsku,
        DateOnly from,
        DateOnly to,
        CancellationToken cancellationToken
    )
    {
        var rows = await database.QueryAsync<SaleRow>(
            "SELECT fnsku, region, sales_date, units FROM forecasting.daily_sales "
                + "WHERE seller_id = @SellerId AND fnsku = @Fnsku AND sales_date >= @From AND sales_date <= @To ORDER BY sales_date, "
                + "region",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                From = from.ToDateTime(TimeOnly.MinValue),
                To = to.ToDateTime(TimeOnly.MinValue),
            },
            cancellationToken
        );
        return rows.Select(r => new DailySale(r.Fnsku, r.Region, r.SalesDate, r.Units)).ToList();
    }

    /// <summary>Available, inbound and in transit of an FNSKU at each FC that holds or awaits any, in FC order.</summary>
    public async Task<IReadOnlyList<StockPosition>> PositionsAsync(UnitOfWork unit, string sellerId, string fnsku) =>
        (
            await unit.QueryAsync<StockPosition>(
                "SELECT fulfillment_center, available, inbound, in_transit FROM forecasting.stock "
                    + "WHERE seller_id = @SellerId AND fnsku = @Fnsku ORDER BY fulfillment_center",
                new { SellerId = sellerId, Fnsku = fnsku }
            )
        ).ToList();

    /// <summary>As <see cref="PositionsAsync(UnitOfWork, string, string)"/> for many FNSKUs in one query, by FNSKU.</summary>
    public async Task<ILookup<string, StockPosition>> PositionsAsync(UnitOfWork unit, string sellerId, IReadOnlyList<string> fnskus) =>
        (
            await unit.QueryAsync<FnskuPositionRow>(
                "SELECT fnsku, fulfillment_center, available, inbound, in_transit FROM forecasting.stock "
                    + $"WHERE seller_id = @SellerId AND {database.Dialect.InList("fnsku", "Fnskus")} ORDER BY fnsku, fulfillment_center",
                new { SellerId = sellerId, Fnskus = fnskus.ToArray() }
            )
        ).ToLookup(r => r.Fnsku, r => new StockPosition(r.FulfillmentCenter, r.Available, r.Inbound, r.InTransit), StringComparer.Ordinal);

    /// <summary>As <see cref="PositionsAsync(UnitOfWork, string, string)"/>, outside a transaction (for reads).</summary>
    public async Task<IReadOnlyList<StockPosition>> PositionsAsync(string sellerId, string fnsku, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(unit => PositionsAsync(unit, sellerId, fnsku), cancellationToken);

    public sealed class ItemRow
    {
        public string Fnsku { get; init; } = "";
        public string Marketplace { get; init; } = "";
        public bool AlertArmed { get; init; }
    }

    private sealed class FnskuPositionRow
    {
        public string Fnsku { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public int Available { get; init; }
        public int Inbound { get; init; }
        public int InTransit { get; init; }
    }

    private sealed class SaleRow
    {
        public string Fnsku { get; init; } = "";
        public string Region { get; init; } = "";
        public DateOnly SalesDate { get; init; }
        public int Units { get; init; }
    }
}

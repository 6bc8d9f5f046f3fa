using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.Liquidation.Data;

/// <summary>
/// Liquidation's own projections of other services' events: items, inventory lots (FIFO ages), daily sales and the
/// latest forecasts.
/// </summary>
public sealed class StockRepository(Database database)
{
    private const string LotColumns = "id, fnsku, fulfillment_center, stock_kind, received_at, quantity_remaining, transfer_id";

    private readonly string _upsertItem = database.Dialect.Upsert(
        "liquidation.items",
        ["seller_id", "fnsku"],
        ["seller_id", "fnsku", "storage_type", "length_cm", "width_cm", "height_cm", "weight_kg", "list_price", "currency", "updated_at"],
        ["storage_type", "length_cm", "width_cm", "height_cm", "weight_kg", "list_price", "currency", "updated_at"]
    );

    private readonly string _lockLots = database.Dialect.SelectForUpdate(
        "liquidation.inventory_lots",
        LotColumns,
        "seller_id = @SellerId AND fnsku = @Fnsku AND fulfillment_center = @FulfillmentCenter AND stock_kind = @StockKind AND "
            + "quantity_remaining > 0 "
            + "ORDER BY received_at, id"
    );

    private readonly string _createSalesDay = database.Dialect.InsertIfAbsent(
        "liquidation.sales_days",
        ["seller_id", "fnsku", "sale_date"],
        ["seller_id", "fnsku", "sale_date", "units", "revenue", "last_sale_at"]
    );

    private readonly string _insertArrival = database.Dialect.InsertIfAbsent(
        "liquidation.arrived_transfers",
        ["transfer_id"],
        ["transfer_id", "arrived_at"]
    );

    private readonly string _createForecast = database.Dialect.InsertIfAbsent(
        "liquidation.forecasts",
        ["seller_id", "fnsku"],
        ["seller_id", "fnsku", "forecast_from", "horizon_days", "total_units_p50", "model", "occurred_at"]
    );

    public Task UpsertItemAsync(UnitOfWork unit, string sellerId, ItemRecord item, DateTimeOffset at) =>
        unit.ExecuteAsync(
            _upsertItem,
            new
            {
                SellerId = sellerId,
                item.Fnsku,
                StorageType = item.StorageType.ToString(),
                item.Dimensions.LengthCm,
                item.Dimensions.WidthCm,
                item.Dimensions.HeightCm,
                item.Dimensions.WeightKg,
                item.ListPrice,
                item.Currency,
                UpdatedAt = at.UtcDateTime,
            }
        );

    public Task AddLotAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        string fulfillmentCenter,
        StockKind kind,
        DateTimeOffset receivedAt,
        int quantity,
        string source
    ) =>
        unit.ExecuteAsync(
            "INSERT INTO liquidation.inventory_lots (id, seller_id, fnsku, fulfillment_center, stock_kind, received_at, quantity_received, "
                + "quantity_remaining, source) "
                + "VALUES (@Id, @SellerId, @Fnsku, @FulfillmentCenter, @StockKind, @ReceivedAt, @Quantity, @Quantity, @Source)",
            new
            {
                Id = Guid.CreateVersion7(),
                SellerId = sellerId,
                Fnsku = fnsku,
                FulfillmentCenter = fulfillmentCenter,
                StockKind = kind.ToString(),
                ReceivedAt = receivedAt.UtcDateTime,
                Quantity = quantity,
                Source = source,
            }
        );

    /// <summary>
    /// Takes units out of the oldest lots of one FNSKU at one FC (lots on the shelf before lots still in transit to it);
    /// returns what the lots could not cover.
    /// </summary>
    public async Task<int> ConsumeFifoAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        string fulfillmentCenter,
        StockKind kind,
        int quantity
    ) => (await TakeFifoAsync(unit, sellerId, fnsku, fulfillmentCenter, kind, quantity)).Outcome.Shortfall;

    /// <summary>
    /// A transfer: the oldest sellable lots at the source give up <paramref name="quantity"/> units, which become lots at the
    /// destination with the same receipt dates, in transit under <paramref name="transferId"/> unless it already arrived.
    /// Returns what the source's lots could not cover.
    /// </summary>
    public async Task<int> MoveFifoAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        string from,
        string to,
        Guid transferId,
        int quantity
    )
    {
        var (lots, outcome) = await TakeFifoAsync(unit, sellerId, fnsku, from, StockKind.Sellable, quantity);
        var arrived =
            await unit.ExecuteScalarAsync<int>(
                "SELECT COUNT(*) FROM liquidation.arrived_transfers WHERE transfer_id = @TransferId",
                new { TransferId = transferId }
            ) > 0;
        var receivedAt = lots.ToDictionary(l => l.Id, l => l.ReceivedAt);
        await unit.ExecuteAsync(
            "INSERT INTO liquidation.inventory_lots (id, seller_id, fnsku, fulfillment_center, stock_kind, received_at, quantity_received, "
                + "quantity_remaining, source, transfer_id) "
                + "VALUES (@Id, @SellerId, @Fnsku, @FulfillmentCenter, @StockKind, @ReceivedAt, @Quantity, @Quantity, @Source, "
                + "@TransferId)",
            outcome.Draws.Select(d => new
            {
                Id = Guid.CreateVersion7(),
                SellerId = sellerId,
                Fnsku = fnsku,
                FulfillmentCenter = to,
                StockKind = nameof(StockKind.Sellable),
                ReceivedAt = receivedAt[d.LotId].UtcDateTime,
                d.Quantity,
                Source = $"transfer:{transferId}",
                TransferId = arrived ? (Guid?)null : transferId,
            })
        );
        return outcome.Shortfall;
    }

    /// <summary>
    /// The transfer arrived: its lots at the destination are on the shelf; a request consumed later moves them there at once.
    /// </summary>
    public async Task ArriveAsync(UnitOfWork unit, Guid transferId, DateTimeOffset at)
    {
        await unit.ExecuteAsync(_insertArrival, new { TransferId = transferId, ArrivedAt = at.UtcDateTime });
        await unit.ExecuteAsync(
            "UPDATE liquidation.inventory_lots SET transfer_id = NULL WHERE transfer_id = @TransferId",
            new { TransferId = transferId }
        );
    }

    private async Task<(IReadOnlyList<InventoryLot> Lots, FifoOutcome Outcome)> TakeFifoAsync(
        UnitOfWork unit,
        string sellerId,
        string fnsku,
        string fulfillmentCenter,
        StockKind kind,
        int quantity
    )
    {
        var stored = (
            await unit.QueryAsync<LotRow>(
                _lockLots,
                new
                {
                    SellerId = sellerId,
                    Fnsku = fnsku,
                    FulfillmentCenter = fulfillmentCenter,
                    StockKind = kind.ToString(),
                }
            )
        ).Select(r => r.ToStored()).ToList();
        var lots = stored.Select(l => l.Lot).ToList();
        // The shelf first. Lots still in transit to this FC are taken only for what the shelf cannot cover: the ledger let
        // those units leave, so the transfer arrived and its TransferCompleted is still on its way here.
        var shelf = Fifo.Consume(stored.Where(l => !l.InTransit).Select(l => l.Lot), quantity);
        var transit = Fifo.Consume(stored.Where(l => l.InTransit).Select(l => l.Lot), shelf.Shortfall);
        var outcome = new FifoOutcome([.. shelf.Remaining, .. transit.Remaining], [.. shelf.Draws, .. transit.Draws], transit.Shortfall);
        if (outcome.Draws.Count > 0)
        {
            await unit.ExecuteAsync(
                "UPDATE liquidation.inventory_lots SET quantity_remaining = @RemainingInLot WHERE id = @LotId",
                outcome.Draws.Select(d => new { d.LotId, d.RemainingInLot })
            );
        }

        return (lots, outcome);
    }

    public async Task RecordSaleAsync(UnitOfWork unit, string sellerId, string fnsku, DateTimeOffset at, int units, decimal revenue)
    {
        var day = at.UtcDateTime.Date;
        await unit.ExecuteAsync(
            _createSalesDay,
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                SaleDate = day,
                Units = 0,
                Revenue = 0m,
                LastSaleAt = at.UtcDateTime,
            }
        );
        await unit.ExecuteAsync(
            "UPDATE liquidation.sales_days SET units = units + @Units, revenue = revenue + @Revenue, "
                + "last_sale_at = CASE WHEN last_sale_at < @At THEN @At ELSE last_sale_at END "
                + "WHERE seller_id = @SellerId AND fnsku = @Fnsku AND sale_date = @SaleDate",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                SaleDate = day,
                Units = units,
                Revenue = revenue,
                At = at.UtcDateTime,
            }
        );
    }

    /// <summary>Keeps the newest forecast of an FNSKU; an older one arriving late changes nothing.</summary>
    public async Task SaveForecastAsync(UnitOfWork unit, string sellerId, DemandForecastUpdated forecast)
    {
        var values = new
        {
            SellerId = sellerId,
            forecast.Fnsku,
            ForecastFrom = forecast.From.ToDateTime(TimeOnly.MinValue),
            forecast.HorizonDays,
            forecast.TotalUnitsP50,
            Model = forecast.Model.Length > 60 ? forecast.Model[..60] : forecast.Model,
            OccurredAt = forecast.OccurredAt.UtcDateTime,
        };
        if (await unit.ExecuteAsync(_createForecast, values) == 0)
        {
            await unit.ExecuteAsync(
                "UPDATE liquidation.forecasts SET forecast_from = @ForecastFrom, horizon_days = @HorizonDays, total_units_p50 = "
                    + "@TotalUnitsP50, model = @Model, "
                    + "occurred_at = @OccurredAt WHERE seller_id = @SellerId AND fnsku = @Fnsku AND occurred_at < @OccurredAt",
                values
            );
        }
    }

    public async Task<IReadOnlyList<StoredLot>> LotsAsync(string sellerId, string? fnsku, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<LotRow>(
                $"SELECT {LotColumns} FROM liquidation.inventory_lots WHERE seller_id = @SellerId AND (@Fnsku IS NULL OR fnsku = @Fnsku) "
                    + "AND quantity_remaining > 0",
                new { SellerId = sellerId, Fnsku = fnsku },
                cancellationToken
            )
        )
            .Select(r => r.ToStored())
            .ToList();

    public async Task<IReadOnlyList<StoredLot>> LotsAsync(UnitOfWork unit, string sellerId, string? fnsku) =>
        (
            await unit.QueryAsync<LotRow>(
                $"SELECT {LotColumns} FROM liquidation.inventory_lots WHERE seller_id = @SellerId AND (@Fnsku IS NULL OR fnsku = @Fnsku) "
                    + "AND quantity_remaining > 0",
                new { SellerId = sellerId, Fnsku = fnsku }
            )
        )
            .Select(r => r.ToStored())
            .ToList();

    public async Task<ItemRecord?> ItemAsync(UnitOfWork unit, string sellerId, string fnsku) =>
        (
            await unit.QuerySingleOrDefaultAsync<ItemRow>(
                "SELECT fnsku, storage_type, length_cm, width_cm, height_cm, weight_kg, list_price, currency FROM liquidation.items WHERE "
                    + "seller_id = @SellerId AND fnsku = @Fnsku",
                new { SellerId = sellerId, Fnsku = fnsku }
            )
        )?.ToRecord();

    public async Task<IReadOnlyDictionary<string, ItemRecord>> ItemsAsync(string sellerId, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<ItemRow>(
                "SELECT fnsku, storage_type, length_cm, width_cm, height_cm, weight_kg, list_price, currency FROM liquidation.items WHERE "
                    + "seller_id = @SellerId",
                new { SellerId = sellerId },
                cancellationToken
            )
        ).ToDictionary(r => r.Fnsku, r => r.ToRecord(), StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, SalesSummary>> SalesAsync(
        string sellerId,
        DateTimeOffset now,
        int lookbackDays,
        CancellationToken cancellationToken
    ) =>
        (
            await database.QueryAsync<SalesRow>(
                "SELECT fnsku, SUM(CASE WHEN sale_date >= @LookbackFrom THEN units ELSE 0 END) AS recent_units, "
                    + "SUM(CASE WHEN sale_date >= @YearFrom THEN units ELSE 0 END) AS year_units, "
                    + "SUM(CASE WHEN sale_date >= @YearFrom THEN revenue ELSE 0 END) AS year_revenue, MAX(last_sale_at) AS last_sale_at "
                    + "FROM liquidation.sales_days WHERE seller_id = @SellerId GROUP BY fnsku",
                new
                {
                    SellerId = sellerId,
                    LookbackFrom = now.UtcDateTime.Date.AddDays(-lookbackDays),
                    YearFrom = now.UtcDateTime.Date.AddDays(-365),
                },
                cancellationToken
            )
        ).ToDictionary(r => r.Fnsku, r => r.ToSummary(), StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, ForecastInput>> ForecastsAsync(string sellerId, CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<ForecastRow>(
                "SELECT fnsku, horizon_days, total_units_p50 FROM liquidation.forecasts WHERE seller_id = @SellerId",
                new { SellerId = sellerId },
                cancellationToken
            )
        ).ToDictionary(r => r.Fnsku, r => new ForecastInput(r.TotalUnitsP50, r.HorizonDays), StringComparer.Ordinal);

    /// <summary>Sellers holding any stock Liquidation tracks: the scheduled refresh walks them.</summary>
    public async Task<IReadOnlyList<string>> SellersWithStockAsync(CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<string>(
                "SELECT DISTINCT seller_id FROM liquidation.inventory_lots WHERE quantity_remaining > 0 ORDER BY seller_id",
                null,
                cancellationToken
            )
        ).ToList();

    private sealed class LotRow
    {
        public Guid Id { get; init; }
        public string Fnsku { get; init; } = "";
        public string FulfillmentCenter { get; init; } = "";
        public string StockKind { get; init; } = "";
        public DateTime ReceivedAt { get; init; }
        public int QuantityRemaining { get; init; }
        public Guid? TransferId { get; init; }

        public StoredLot ToStored() =>
            new(
                Fnsku,
                FulfillmentCenter,
                Enum.Parse<StockKind>(StockKind),
                new InventoryLot(Id, new DateTimeOffset(DateTime.SpecifyKind(ReceivedAt, DateTimeKind.Utc)), QuantityRemaining),
                TransferId is not null
            );
    }

    private sealed class ItemRow
    {
        public string Fnsku { get; init; } = "";
        public string StorageType { get; init; } = "";
        public decimal LengthCm { get; init; }
        public decimal WidthCm { get; init; }
        public decimal HeightCm { get; init; }
        public decimal WeightKg { get; init; }
        public decimal ListPrice { get; init; }
        public string Currency { get; init; } = "";

        public ItemRecord ToRecord() =>
            new(Fnsku, Enum.Parse<StorageType>(StorageType), new Dimensions(LengthCm, WidthCm, HeightCm, WeightKg), ListPrice, Currency);
    }

    private sealed class SalesRow
    {
        public string Fnsku { get; init; } = "";
        public long RecentUnits { get; init; }
        public long YearUnits { get; init; }
        public decimal YearRevenue { get; init; }
        public DateTime? LastSaleAt { get; init; }

        public SalesSummary ToSummary() =>
            new(
                Fnsku,
                (int)RecentUnits,
                (int)YearUnits,
                YearRevenue,
                LastSaleAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null
            );
    }

    private sealed class ForecastRow
    {
        public string Fnsku { get; init; } = "";
        public int HorizonDays { get; init; }
        public double TotalUnitsP50 { get; init; }
    }
}

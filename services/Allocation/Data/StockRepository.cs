using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

public sealed class StockRepository(Database database)
{
    private const string BalanceColumns = "on_hand, reserved, inbound, in_transit, unfulfillable, version, pending_removal";

    // Creates the balance if absent and locks it, in one round trip (the insert gives no result set).
    private readonly string _createAndLock =
        database.Dialect.InsertIfAbsent(
            "allocation.stock_balances",
            ["seller_id", "fnsku", "fulfillment_center"],
            ["seller_id", "fnsku", "fulfillment_center", "updated_at"]
        )
        + ";\n"
        + database.Dialect.SelectForUpdate(
            "allocation.stock_balances",
            BalanceColumns,
            "seller_id = @SellerId AND fnsku = @Fnsku AND fulfillment_center = @FulfillmentCenter"
        );

    /// <summary>Locks one balance for this transaction, creating it (all zero) when the key has none yet.</summary>
    public async Task<StockBalance> LockAsync(UnitOfWork unit, StockKey key, DateTime occurredAt)
    {
        await using var results = await unit.QueryMultipleAsync(
            _createAndLock,
            new
            {
                key.SellerId,
                key.Fnsku,
                key.FulfillmentCenter,
                UpdatedAt = occurredAt,
            }
        );
        return (await results.ReadSingleAsync<BalanceRow>()).ToBalance();
    }

    /// <summary>
    /// Applies movements to a balance this transaction holds locked (<see cref="LockAsync"/>, <see cref="LockBalancesAsync"/>):
    /// the new balance and its journal rows join <paramref name="batch"/>. Returns the new balance, or the reason the ledger
    /// refused (nothing is added then).
    /// </summary>
    public static (StockBalance? Balance, string? Refusal) ApplyLocked(
        StatementBatch batch,
        StockKey key,
        StockBalance current,
        IReadOnlyCollection<StockMovement> movements,
        DateTime occurredAt
    )
    {
        var (next, refusal) = StockLedger.Apply(current, movements);
        if (next is null)
        {
            return (null, refusal);
        }

        batch.Add(
            "UPDATE allocation.stock_balances SET on_hand = @OnHand, reserved = @Reserved, inbound = @Inbound, in_transit = @InTransit, "
                + "unfulfillable = @Unfulfillable, pending_removal = @PendingRemoval, version = @Version, updated_at = @UpdatedAt "
                + "WHERE seller_id = @SellerId AND fnsku = @Fnsku AND fulfillment_center = @FulfillmentCenter",
            new
            {
                next.OnHand,
                next.Reserved,
                next.Inbound,
                next.InTransit,
                next.Unfulfillable,
                next.PendingRemoval,
                next.Version,
                UpdatedAt = occurredAt,
                key.SellerId,
                key.Fnsku,
                key.FulfillmentCenter,
            }
        );
        batch.AddEach(
            "INSERT INTO allocation.stock_movements (id, seller_id, fnsku, fulfillment_center, bucket, quantity, reason, source_id, "
                + "occurred_at) "
                + "VALUES (@Id, @SellerId, @Fnsku, @FulfillmentCenter, @Bucket, @Quantity, @Reason, @SourceId, @OccurredAt)",
            movements.Select(m => new
            {
                Id = Guid.CreateVersion7(),
                key.SellerId,
                key.Fnsku,
                key.FulfillmentCenter,
                Bucket = m.Bucket.ToString(),
                m.Quantity,
                m.Reason,
                m.SourceId,
                OccurredAt = occurredAt,
            })
        );
        return (next, null);
    }

    /// <summary>
    /// Locks the seller's balances of these FNSKUs at these FCs, in (FNSKU, FC) order so that two orders touching the
    /// same balances always lock them in the same order and never deadlock, and returns them (absent: no row yet).
    /// </summary>
    public async Task<IReadOnlyDictionary<(string Fnsku, string FulfillmentCenter), StockBalance>> LockBalancesAsync(
        UnitOfWork unit,
        string sellerId,
        IReadOnlyCollection<string> fnskus,
        IReadOnlyCollection<string> fulfillmentCenters
    ) => (await LockBalancesAsync<object>(unit, sellerId, fnskus, fulfillmentCenters, alsoRead: null)).Balances;

    /// <summary>
    /// As <see cref="LockBalancesAsync(UnitOfWork, string, IReadOnlyCollection{string}, IReadOnlyCollection{string})"/>, and in the
    /// same round trip one more query over the same <c>@SellerId</c> and <c>@Fnskus</c> (an order reads its FNSKUs' forecast demand so).
    /// </summary>
    public async Task<(
        IReadOnlyDictionary<(string Fnsku, string FulfillmentCenter), StockBalance> Balances,
        IReadOnlyList<T> Also
    )> LockBalancesAsync<T>(
        UnitOfWork unit,
        string sellerId,
        IReadOnlyCollection<string> fnskus,
        IReadOnlyCollection<string> fulfillmentCenters,
        string? alsoRead
    )
    {
        var sql = unit.Dialect.SelectForUpdate(
            "allocation.stock_balances",
            $"fnsku, fulfillment_center, {BalanceColumns}, updated_at",
            $"seller_id = @SellerId AND {unit.Dialect.InList("fnsku", "Fnskus")} AND "
                + $"{unit.Dialect.InList("fulfillment_center", "Centers")} "
                + "ORDER BY fnsku, fulfillment_center"
        );
        await using var results = await unit.QueryMultipleAsync(
            alsoRead is null ? sql : sql + ";\n" + alsoRead,
            new
            {
                SellerId = sellerId,
                Fnskus = fnskus.ToArray(),
                Centers = fulfillmentCenters.ToArray(),
            }
        );
        var balances = (await results.ReadAsync<BalanceRow>()).ToDictionary(r => (r.Fnsku, r.FulfillmentCenter), r => r.ToBalance());
        var also = alsoRead is null ? [] : (await results.ReadAsync<T>()).ToList();
        return (balances, also);
    }

    public async Task<IReadOnlyList<StockRow>> ListAsync(
        string sellerId,
        string? fnsku,
        string? sellerSku,
        string? fulfillmentCenter,
        int limit,
        (string Fnsku, string Fc)? after,
        CancellationToken cancellationToken
    )
    {
        var sql = database.Dialect.SelectTop(
            "allocation.stock_balances",
            $"fnsku, fulfillment_center, {BalanceColumns}, updated_at",
            $"seller_id = @SellerId AND (@Fnsku IS NULL OR fnsku = @Fnsku) AND {SellerSkuFilter} "
                + "AND (@Fc IS NULL OR fulfillment_center = @Fc) "
                + "AND (@AfterFnsku IS NULL OR fnsku > @AfterFnsku OR (fnsku = @AfterFnsku AND fulfillment_center > @AfterFc))",
            "fnsku, fulfillment_center"
        );
        var rows = await database.QueryAsync<BalanceRow>(
            sql,
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                SellerSku = sellerSku,
                Fc = fulfillmentCenter,
                AfterFnsku = after?.Fnsku,
                AfterFc = after?.Fc,
                limit,
            },
            cancellationToken
        );
        return rows.Select(r => new StockRow(r.Fnsku, r.FulfillmentCenter, r.ToBalance(), r.UpdatedAt)).ToList();
    }

    /// <summary>
    /// The seller's stock summed per marketplace (each FC belongs to one, <c>allocation.fulfillment_centers</c>), optionally of
    /// one FNSKU or one seller SKU; marketplaces in alphabetical order.
    /// </summary>
    public async Task<IReadOnlyList<MarketplaceStock>> MarketplaceTotalsAsync(
        string sellerId,
        string? fnsku,
        string? sellerSku,
        CancellationToken cancellationToken
    ) =>
        (
            await database.QueryAsync<MarketplaceStock>(
                MarketplaceTotalsSql,
                new
                {
                    SellerId = sellerId,
                    Fnsku = fnsku,
                    SellerSku = sellerSku,
                },
                cancellationToken
            )
        ).ToList();

    // Unprefixed fnsku and seller_id: the filter is used on stock_balances alone and, aliased, in the marketplace totals.
    private const string SellerSkuFilter =
        "(@SellerSku IS NULL OR fnsku IN (SELECT k.fnsku FROM allocation.item_skus k WHERE k.seller_id = @SellerId "
        + "AND k.seller_sku = @SellerSku))";

    private const string MarketplaceTotalsSql =
        "SELECT f.marketplace AS Marketplace, CAST(SUM(s.on_hand) AS integer) AS OnHand, CAST(SUM(s.reserved) AS integer) AS Reserved, "
        + "CAST(SUM(s.pending_removal) AS integer) AS PendingRemoval, "
        + "CAST(SUM(s.on_hand - s.reserved - s.pending_removal) AS integer) AS Available, "
        + "CAST(SUM(s.inbound) AS integer) AS Inbound, CAST(SUM(s.in_transit) AS integer) AS InTransit, "
        + "CAST(SUM(s.unfulfillable) AS integer) AS Unfulfillable "
        + "FROM allocation.stock_balances s JOIN allocation.fulfillment_centers f ON f.code = s.fulfillment_center "
        + "WHERE s.seller_id = @SellerId AND (@Fnsku IS NULL OR s.fnsku = @Fnsku) "
        + "AND (@SellerSku IS NULL OR s.fnsku IN (SELECT k.fnsku FROM allocation.item_skus k WHERE k.seller_id = @SellerId "
        + "AND k.seller_sku = @SellerSku)) "
        + "GROUP BY f.marketplace ORDER BY f.marketplace";

    /// <summary>The seller's balances of one FNSKU per FC, read in the caller's transaction (not locked).</summary>
    public async Task<IReadOnlyDictionary<string, StockBalance>> BalancesAsync(UnitOfWork unit, string sellerId, string fnsku) =>
        (
            await unit.QueryAsync<BalanceRow>(
                $"SELECT fnsku, fulfillment_center, {BalanceColumns}, updated_at FROM allocation.stock_balances "
                    + "WHERE seller_id = @SellerId AND fnsku = @Fnsku",
                new { SellerId = sellerId, Fnsku = fnsku }
            )
        ).ToDictionary(r => r.FulfillmentCenter, r => r.ToBalance(), StringComparer.Ordinal);

    /// <summary>The FNSKUs the seller holds or has in transit anywhere, in order.</summary>
    public async Task<IReadOnlyList<string>> FnskusHeldAsync(UnitOfWork unit, string sellerId) =>
        (
            await unit.QueryAsync<string>(
                "SELECT DISTINCT fnsku FROM allocation.stock_balances WHERE seller_id = @SellerId AND (on_hand > 0 OR in_transit > 0) "
                    + "ORDER BY fnsku",
                new { SellerId = sellerId }
            )
        ).ToList();

    /// <summary>Units each FC holds or expects, over every seller (on hand + inbound + in transit): what its capacity is used by.</summary>
    public async Task<IReadOnlyDictionary<string, long>> UnitsByCenterAsync(UnitOfWork unit) =>
        (
            await unit.QueryAsync<CenterUnits>(
                "SELECT fulfillment_center, SUM(on_hand + inbound + in_transit) AS units FROM allocation.stock_balances "
                    + "GROUP BY fulfillment_center"
            )
        ).ToDictionary(r => r.FulfillmentCenter, r => r.Units, StringComparer.Ordinal);

    /// <summary>Every balance of the seller, by (FNSKU, FC): what reconciliation compares the services' counts with.</summary>
    public async Task<IReadOnlyDictionary<(string Fnsku, string FulfillmentCenter), StockBalance>> BalancesOfAsync(
        string sellerId,
        CancellationToken cancellationToken
    ) =>
        (
            await database.QueryAsync<BalanceRow>(
                $"SELECT fnsku, fulfillment_center, {BalanceColumns}, updated_at FROM allocation.stock_balances "
                    + "WHERE seller_id = @SellerId",
                new { SellerId = sellerId },
                cancellationToken
            )
        ).ToDictionary(r => (r.Fnsku, r.FulfillmentCenter), r => r.ToBalance());

    /// <summary>The sellers the ledger holds balances of.</summary>
    public async Task<IReadOnlyList<string>> SellersAsync(CancellationToken cancellationToken) =>
        (
            await database.QueryAsync<string>(
                "SELECT DISTINCT seller_id FROM allocation.stock_balances ORDER BY seller_id",
                null,
                cancellationToken
            )
        ).ToList();

    /// <summary>The seller's balances of one FNSKU per FC as they stood at <paramref name="asOf"/>, rebuilt from the journal.</summary>
    public async Task<IReadOnlyList<StockRow>> AsOfAsync(string sellerId, string fnsku, DateTime asOf, CancellationToken cancellationToken)
    {
        var movements = await database.QueryAsync<MovementRow>(
            "SELECT fulfillment_center, bucket, quantity, reason, source_id, occurred_at FROM allocation.stock_movements "
                + "WHERE seller_id = @SellerId AND fnsku = @Fnsku AND occurred_at <= @AsOf ORDER BY fulfillment_center, occurred_at",
            new
            {
                SellerId = sellerId,
                Fnsku = fnsku,
                AsOf = asOf,
            },
            cancellationToken
        );
        return movements
            .GroupBy(m => m.FulfillmentCenter, StringComparer.Ordinal)
            .Select(g => new StockRow(
                fnsku,
                g.Key,
                StockLedger.Replay(g.Select(m => new StockMovement(Enum.Parse<StockBucket>(m.Bucket), m.Quantity, m.Reason, m.SourceId))),
                g.Max(m => m.OccurredAt)
            ))
            .ToList();
    }

    private sealed class MovementRow
    {
        public string FulfillmentCenter { get; init; } = "";
        public string Bucket { get; init; } = "";
        public int Quantity { get; init; }
        public string Reason { get; init; } = "";
        public string SourceId { get; init; } = "";
        public DateTime OccurredAt { get; init; }
    }

    private sealed class CenterUnits
    {
        public string FulfillmentCenter { get; init; } = "";
        public long Units { get; init; }
    }
}

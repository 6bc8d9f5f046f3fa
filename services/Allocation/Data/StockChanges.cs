using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Data;

namespace InventoryPlatform.Allocation.Data;

/// <summary>
/// The seller's balances changed within a window of change stamps, for incremental sync (<c>GET /stock?changedSince=</c>).
/// </summary>
/// <remarks>
/// <para>
/// Each balance row carries <c>change_seq</c>, stamped by the engine in the writing transaction itself: on PostgreSQL the
/// writer's transaction id (<c>pg_current_xact_id()</c>, a trigger on every insert and update), on SQL Server a
/// <c>rowversion</c>. Neither is handed out in commit order: a transaction that took a lower stamp may commit after one
/// with a higher stamp, so "everything above the highest stamp seen" would skip it for ever. Timestamps have the same flaw.
/// </para>
/// <para>
/// So a window never reaches past the stamps that may still be in flight. Its upper bound is the watermark: on PostgreSQL
/// <c>pg_snapshot_xmin(pg_current_snapshot())</c>, the oldest transaction id still running; every transaction with a lower
/// id has ended, committed (its rows visible to every later snapshot) or rolled back (its rows never exist), and every
/// transaction that starts later gets a higher id. On SQL Server <c>MIN_ACTIVE_ROWVERSION()</c>, the lowest rowversion
/// of any open transaction, holds the same promise. Hence the rows with <c>from &lt;= change_seq &lt; watermark</c> are
/// final: no writer can still add or change a row in that range. A row is always stamped by its latest writer, so the
/// next window [watermark, next watermark) holds every row written after it; consecutive windows cover every stamp
/// once, and a row whose latest write falls in one is handed out at that write's version.
/// </para>
/// <para>
/// Within a window rows are paged by (FNSKU, FC), the cursor keeping the window's bounds and the last key. A row written
/// again while the window is paged gets a stamp above the window (the writer started after the watermark was read or
/// was still running then, so its id is at least the watermark), leaves the window and is handed out by the next one, at
/// its newer version: no row is repeated within one window's walk, and none is missed. The price: a long transaction
/// anywhere on the server holds the watermark back, delaying (never losing) changes.
/// </para>
/// </remarks>
public sealed class StockChanges(Database database)
{
    private const string Columns =
        "fnsku, fulfillment_center, on_hand, reserved, inbound, in_transit, unfulfillable, version, pending_removal, updated_at";

    /// <summary>The stamp below which every balance write has ended: the upper bound of a new window.</summary>
    public async Task<long> WatermarkAsync(CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<long>(
            database.Provider == DatabaseProvider.Postgres
                ? "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
                : "SELECT CAST(MIN_ACTIVE_ROWVERSION() AS bigint)",
            null,
            cancellationToken
        );

    /// <summary>Up to <paramref name="limit"/> of the seller's rows stamped in [from, to), after the key, by (FNSKU, FC).</summary>
    public async Task<IReadOnlyList<StockChangeRow>> ReadAsync(
        string sellerId,
        long from,
        long to,
        (string Fnsku, string Fc)? after,
        int limit,
        CancellationToken cancellationToken
    )
    {
        var stamp =
            database.Provider == DatabaseProvider.Postgres
                ? (Column: "change_seq::text::bigint", Bound: (Func<string, string>)(p => $"CAST(CAST({p} AS text) AS xid8)"))
                : (Column: "CAST(change_seq AS bigint)", Bound: p => $"CAST({p} AS binary(8))");
        var sql = database.Dialect.SelectTop(
            "allocation.stock_balances",
            $"{Columns}, {stamp.Column} AS change_seq",
            $"seller_id = @SellerId AND change_seq >= {stamp.Bound("@From")} AND change_seq < {stamp.Bound("@To")} "
                + "AND (@AfterFnsku IS NULL OR fnsku > @AfterFnsku OR (fnsku = @AfterFnsku AND fulfillment_center > @AfterFc))",
            "fnsku, fulfillment_center"
        );
        var rows = await database.QueryAsync<Row>(
            sql,
            new
            {
                SellerId = sellerId,
                From = from,
                To = to,
                AfterFnsku = after?.Fnsku,
                AfterFc = after?.Fc,
                limit,
            },
            cancellationToken
        );
        return rows.Select(r => new StockChangeRow(new StockRow(r.Fnsku, r.FulfillmentCenter, r.ToBalance(), r.UpdatedAt), r.ChangeSeq))
            .ToList();
    }

    private sealed class Row : BalanceRow
    {
        public long ChangeSeq { get; init; }
    }
}

using InventoryPlatform.Data;

namespace InventoryPlatform.Forecasting.Data;

/// <summary>
/// Refresh operations: started under the seller's schedule-row lock (so a seller has at most one queued or running), claimed
/// by one conditional UPDATE (so with any number of replicas one runs it), kept alive by heartbeats, and claimed again when a
/// worker's heartbeat goes stale (it died or was stopped).
/// </summary>
public sealed class RefreshOperationRepository(Database database)
{
    private const string Columns =
        "id, seller_id, status, trigger_source, phase, series_total, series_done, forecast, skipped, guarded, errors, correlation_id, "
        + "requested_at, started_at, finished_at, claimed_by, heartbeat_at, attempts";

    private const string Claimable = "(status = 'queued' OR (status = 'running' AND heartbeat_at < @StaleBefore))";

    private const string Mine = "id = @Id AND claimed_by = @Owner AND status = 'running'";

    private readonly string _pending = database.Dialect.SelectTop("forecasting.refresh_operations", "id", Claimable, "requested_at");

    private readonly string _purge = database.Dialect.DeleteBatch(
        "forecasting.refresh_operations",
        "finished_at IS NOT NULL AND finished_at < @Before"
    );

    /// <summary>The seller's queued or running refresh, if any (call under the seller's lock to act on the answer).</summary>
    public Task<RefreshOperation?> ActiveAsync(UnitOfWork unit, string sellerId) =>
        unit.QuerySingleOrDefaultAsync<RefreshOperation>(
            $"SELECT {Columns} FROM forecasting.refresh_operations WHERE seller_id = @SellerId AND status IN ('queued', 'running')",
            new { SellerId = sellerId }
        );

    public async Task<RefreshOperation> AddAsync(UnitOfWork unit, string sellerId, string trigger, Guid correlationId, DateTime now)
    {
        var operation = new RefreshOperation(
            Guid.CreateVersion7(),
            sellerId,
            RefreshOperation.Queued,
            trigger,
            null,
            0,
            0,
            0,
            0,
            0,
            "[]",
            correlationId,
            now,
            null,
            null,
            null,
            null,
            0
        );
        await unit.ExecuteAsync(
            $"INSERT INTO forecasting.refresh_operations ({Columns}) VALUES (@Id, @SellerId, @Status, @TriggerSource, @Phase, "
                + "@SeriesTotal, @SeriesDone, @Forecast, @Skipped, @Guarded, @Errors, @CorrelationId, @RequestedAt, @StartedAt, "
                + "@FinishedAt, @ClaimedBy, @HeartbeatAt, @Attempts)",
            operation
        );
        return operation;
    }

    /// <summary>The seller's operation; null when there is none with that id for this seller.</summary>
    public Task<RefreshOperation?> FindAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        database.QuerySingleOrDefaultAsync<RefreshOperation>(
            $"SELECT {Columns} FROM forecasting.refresh_operations WHERE id = @Id AND seller_id = @SellerId",
            new { Id = id, SellerId = sellerId },
            cancellationToken
        );

    public Task<RefreshOperation?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        database.QuerySingleOrDefaultAsync<RefreshOperation>(
            $"SELECT {Columns} FROM forecasting.refresh_operations WHERE id = @Id",
            new { Id = id },
            cancellationToken
        );

    /// <summary>Queued operations, and running ones whose heartbeat is older than <paramref name="staleBefore"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> PendingAsync(DateTime staleBefore, int limit, CancellationToken cancellationToken) =>
        (await database.QueryAsync<Guid>(_pending, new { StaleBefore = staleBefore, limit }, cancellationToken)).ToList();

    /// <summary>
    /// True when this replica took the operation: it was queued, or running under a stale heartbeat. One statement decides, so
    /// of replicas claiming at once exactly one wins.
    /// </summary>
    public Task<bool> TryClaimAsync(Guid id, string owner, DateTime now, DateTime staleBefore, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async unit =>
                await unit.ExecuteAsync(
                    "UPDATE forecasting.refresh_operations SET status = 'running', phase = 'loading', claimed_by = @Owner, "
                        + "heartbeat_at = @Now, started_at = COALESCE(started_at, @Now), attempts = attempts + 1 "
                        + $"WHERE id = @Id AND {Claimable}",
                    new
                    {
                        Id = id,
                        Owner = owner,
                        Now = now,
                        StaleBefore = staleBefore,
                    }
                ) == 1,
            cancellationToken
        );

    /// <summary>Renews the lease; false when this replica no longer holds the operation.</summary>
    public Task<bool> HeartbeatAsync(Guid id, string owner, DateTime now, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            async unit =>
                await unit.ExecuteAsync(
                    $"UPDATE forecasting.refresh_operations SET heartbeat_at = @Now WHERE {Mine}",
                    new
                    {
                        Id = id,
                        Owner = owner,
                        Now = now,
                    }
                ) == 1,
            cancellationToken
        );

    /// <summary>Records progress in the transaction of the work it counts; throws when the lease was lost (the work rolls back).</summary>
    public async Task ProgressAsync(UnitOfWork unit, Guid id, string owner, RefreshTally tally, DateTime now)
    {
        var updated = await unit.ExecuteAsync(
            "UPDATE forecasting.refresh_operations SET phase = @Phase, series_total = @SeriesTotal, series_done = @SeriesDone, "
                + "forecast = @Forecast, skipped = @Skipped, guarded = @Guarded, errors = @Errors, heartbeat_at = @Now "
                + $"WHERE {Mine}",
            new
            {
                Id = id,
                Owner = owner,
                Now = now,
                tally.Phase,
                tally.SeriesTotal,
                tally.SeriesDone,
                tally.Forecast,
                tally.Skipped,
                tally.Guarded,
                tally.Errors,
            }
        );
        if (updated != 1)
        {
            throw new RefreshLeaseLostException(id);
        }
    }

    /// <summary>Ends the operation (succeeded or failed) in the transaction of its last work; throws when the lease was lost.</summary>
    public async Task FinishAsync(UnitOfWork unit, Guid id, string owner, string status, RefreshTally tally, DateTime now)
    {
        await ProgressAsync(unit, id, owner, tally, now);
        await unit.ExecuteAsync(
            "UPDATE forecasting.refresh_operations SET status = @Status, phase = NULL, finished_at = @Now, claimed_by = NULL "
                + $"WHERE {Mine}",
            new
            {
                Id = id,
                Owner = owner,
                Status = status,
                Now = now,
            }
        );
    }

    /// <summary>Ends the operation as failed with <paramref name="errors"/> (JSON), unless this replica no longer holds it.</summary>
    public Task FailAsync(UnitOfWork unit, Guid id, string owner, string errors, DateTime now) =>
        unit.ExecuteAsync(
            "UPDATE forecasting.refresh_operations SET status = 'failed', phase = NULL, finished_at = @Now, claimed_by = NULL, "
                + $"errors = @Errors WHERE {Mine}",
            new
            {
                Id = id,
                Owner = owner,
                Errors = errors,
                Now = now,
            }
        );

    /// <summary>Deletes up to <paramref name="limit"/> operations finished before <paramref name="before"/>; returns how many.</summary>
    public Task<int> PurgeAsync(DateTime before, int limit, CancellationToken cancellationToken) =>
        database.InTransactionAsync(unit => unit.ExecuteAsync(_purge, new { Before = before, limit }), cancellationToken);

    /// <summary>
    /// Fails operations whose workers died <paramref name="maxAttempts"/> times (a refresh that kills its process, say by
    /// memory, would otherwise be retried for ever), so the seller can start a new one. Returns how many.
    /// </summary>
    public Task<int> AbandonAsync(
        DateTime staleBefore,
        int maxAttempts,
        DateTime now,
        string errors,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            unit =>
                unit.ExecuteAsync(
                    "UPDATE forecasting.refresh_operations SET status = 'failed', phase = NULL, finished_at = @Now, claimed_by = NULL, "
                        + "errors = @Errors WHERE status = 'running' AND heartbeat_at < @StaleBefore AND attempts >= @MaxAttempts",
                    new
                    {
                        StaleBefore = staleBefore,
                        MaxAttempts = maxAttempts,
                        Now = now,
                        Errors = errors,
                    }
                ),
            cancellationToken
        );
}

using Dapper;
using InventoryPlatform.Data;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Data;

/// <summary>
/// The deliveries: stored with the event that caused them, claimed by replicas (row locks that skip what another replica
/// holds, then a lease), and logged per subscription. Only the oldest pending delivery of a (subscription, ordering key) is
/// ever due, so a key's next delivery waits for the one before it.
/// </summary>
public sealed class DeliveryRepository(Database database)
{
    private const string LogColumns =
        "id, sequence, subscription_id, event_id, event_type, status, attempts, created_at, next_attempt_at, last_attempt_at, "
        + "delivered_at, last_status_code, last_latency_ms, last_error";

    private readonly string _insert = database.Dialect.InsertIfAbsent(
        "notifications.deliveries",
        ["subscription_id", "event_id", "event_type"],
        [
            "id",
            "subscription_id",
            "seller_id",
            "event_id",
            "event_type",
            "ordering_key",
            "coalesce_key",
            "payload",
            "status",
            "attempts",
            "created_at",
            "window_start",
            "next_attempt_at",
        ]
    );

    private readonly string _due = database.Dialect.SelectForUpdateSkipLocked(
        "notifications.deliveries d",
        "d.id AS Id, d.subscription_id AS SubscriptionId",
        "d.status = 'Pending' AND d.next_attempt_at <= @Now AND (d.claimed_until IS NULL OR d.claimed_until < @Now) "
            + $"AND NOT ({database.Dialect.InList("d.subscription_id", "Busy")}) "
            + "AND EXISTS (SELECT 1 FROM notifications.subscriptions s WHERE s.id = d.subscription_id AND s.status = 'Active') "
            + "AND NOT EXISTS (SELECT 1 FROM notifications.deliveries p WHERE p.subscription_id = d.subscription_id "
            + "AND p.ordering_key = d.ordering_key AND p.status = 'Pending' AND p.sequence < d.sequence)",
        "d.sequence"
    );

    private readonly string _log = database.Dialect.SelectTop(
        "notifications.deliveries",
        LogColumns,
        "subscription_id = @SubscriptionId AND seller_id = @SellerId AND (@Status IS NULL OR status = @Status) AND sequence < @Before",
        "sequence DESC"
    );

    /// <summary>
    /// Stores the deliveries (a repeat of the same event for the same subscription adds nothing). A delivery with a coalesce
    /// key first supersedes the not-yet-tried pending one of the same key, so a partner gets the latest figures, not a backlog.
    /// </summary>
    public async Task AddAsync(UnitOfWork unit, IReadOnlyList<NewDelivery> deliveries, DateTime now)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var batch = new StatementBatch(unit);
        foreach (var delivery in deliveries)
        {
            if (delivery.CoalesceKey is not null)
            {
                batch.Add(
                    "UPDATE notifications.deliveries SET status = 'Superseded' WHERE subscription_id = @SubscriptionId "
                        + "AND coalesce_key = @CoalesceKey AND status = 'Pending' AND attempts = 0 "
                        + "AND (claimed_until IS NULL OR claimed_until < @Now)",
                    new
                    {
                        delivery.SubscriptionId,
                        delivery.CoalesceKey,
                        Now = now,
                    }
                );
            }

            batch.Add(
                _insert,
                new
                {
                    Id = Guid.CreateVersion7(),
                    delivery.SubscriptionId,
                    delivery.SellerId,
                    delivery.EventId,
                    delivery.EventType,
                    delivery.OrderingKey,
                    delivery.CoalesceKey,
                    delivery.Payload,
                    Status = nameof(DeliveryStatus.Pending),
                    Attempts = 0,
                    CreatedAt = now,
                    WindowStart = now,
                    NextAttemptAt = now,
                }
            );
        }

        await batch.ExecuteAsync();
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries, oldest first, skipping subscriptions in <paramref name="busy"/>
    /// and keeping those <paramref name="choose"/> keeps; each is this replica's until <paramref name="leaseUntil"/>.
    /// </summary>
    public Task<IReadOnlyList<DueDelivery>> ClaimAsync(
        DateTime now,
        DateTime leaseUntil,
        int limit,
        IReadOnlyCollection<Guid> busy,
        Func<IReadOnlyList<DueDelivery>, IReadOnlyList<DueDelivery>> choose,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync<IReadOnlyList<DueDelivery>>(
            async unit =>
            {
                var due = (
                    await unit.QueryAsync<DueDelivery>(
                        _due,
                        new
                        {
                            Now = now,
                            Busy = busy.ToArray(),
                            limit,
                        }
                    )
                ).ToList();
                var chosen = choose(due);
                if (chosen.Count > 0)
                {
                    await unit.ExecuteAsync(
                        $"UPDATE notifications.deliveries SET claimed_until = @Until WHERE {unit.Dialect.InList("id", "Ids")}",
                        new { Until = leaseUntil, Ids = chosen.Select(c => c.Id).ToArray() }
                    );
                }

                return chosen;
            },
            cancellationToken
        );

    /// <summary>What sending the claimed deliveries needs: payload, attempts so far, URL and the secrets that sign now.</summary>
    public Task<IReadOnlyList<ClaimedDelivery>> LoadAsync(IReadOnlyList<Guid> ids, DateTime now, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ClaimedDelivery>>(
            async (connection, token) =>
            {
                var rows = await connection.QueryAsync<SendRow>(
                    new CommandDefinition(
                        "SELECT d.id, d.subscription_id, s.url, d.payload, d.attempts, d.window_start, s.secret, s.previous_secret, "
                            + "s.previous_secret_until FROM notifications.deliveries d JOIN notifications.subscriptions s "
                            + $"ON s.id = d.subscription_id WHERE {database.Dialect.InList("d.id", "Ids")}",
                        new { Ids = ids.ToArray() },
                        cancellationToken: token
                    )
                );
                return [.. rows.Select(r => r.ToClaimed(now))];
            },
            cancellationToken
        );

    /// <summary>Records a 2xx answer: the delivery is done.</summary>
    public Task RecordDeliveredAsync(Guid id, AttemptResult result, DateTime now, CancellationToken cancellationToken) =>
        database.InTransactionAsync(
            unit =>
                unit.ExecuteAsync(
                    "UPDATE notifications.deliveries SET status = 'Delivered', attempts = attempts + 1, last_attempt_at = @Now, "
                        + "delivered_at = @Now, last_status_code = @StatusCode, last_latency_ms = @LatencyMs, last_error = NULL, "
                        + "claimed_until = NULL WHERE id = @Id",
                    new
                    {
                        Id = id,
                        Now = now,
                        result.StatusCode,
                        result.LatencyMs,
                    }
                ),
            cancellationToken
        );

    /// <summary>Records a failed attempt; the delivery is due again at <paramref name="nextAttemptAt"/>.</summary>
    public Task RecordRetryAsync(
        Guid id,
        AttemptResult result,
        DateTime now,
        DateTime nextAttemptAt,
        CancellationToken cancellationToken
    ) =>
        database.InTransactionAsync(
            unit =>
                unit.ExecuteAsync(
                    "UPDATE notifications.deliveries SET attempts = attempts + 1, last_attempt_at = @Now, next_attempt_at = @Next, "
                        + "last_status_code = @StatusCode, last_latency_ms = @LatencyMs, last_error = @Error, claimed_until = NULL "
                        + "WHERE id = @Id",
                    new
                    {
                        Id = id,
                        Now = now,
                        Next = nextAttemptAt,
                        result.StatusCode,
                        result.LatencyMs,
                        Error = Truncate(result.Error),
                    }
                ),
            cancellationToken
        );

    /// <summary>Records the last failed attempt: the delivery failed for good.</summary>
    public Task RecordFailedAsync(UnitOfWork unit, Guid id, AttemptResult result, DateTime now) =>
        unit.ExecuteAsync(
            "UPDATE notifications.deliveries SET status = 'Failed', attempts = attempts + 1, last_attempt_at = @Now, "
                + "last_status_code = @StatusCode, last_latency_ms = @LatencyMs, last_error = @Error, claimed_until = NULL WHERE id = @Id",
            new
            {
                Id = id,
                Now = now,
                result.StatusCode,
                result.LatencyMs,
                Error = Truncate(result.Error),
            }
        );

    /// <summary>The subscription's deliveries, newest first, before sequence <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> LogAsync(
        string sellerId,
        Guid subscriptionId,
        DeliveryStatus? status,
        long before,
        int limit,
        CancellationToken cancellationToken
    ) =>
        [
            .. (
                await database.QueryAsync<LogRow>(
                    _log,
                    new
                    {
                        SellerId = sellerId,
                        SubscriptionId = subscriptionId,
                        Status = status?.ToString(),
                        Before = before,
                        limit,
                    },
                    cancellationToken
                )
            ).Select(r => r.ToRecord()),
        ];

    public async Task<DeliveryRecord?> GetAsync(string sellerId, Guid subscriptionId, Guid id, CancellationToken cancellationToken) =>
        (
            await database.QuerySingleOrDefaultAsync<LogRow>(
                $"SELECT {LogColumns} FROM notifications.deliveries WHERE id = @Id AND subscription_id = @SubscriptionId "
                    + "AND seller_id = @SellerId",
                new
                {
                    Id = id,
                    SubscriptionId = subscriptionId,
                    SellerId = sellerId,
                },
                cancellationToken
            )
        )?.ToRecord();

    /// <summary>
    /// Makes the delivery pending and due now, with a fresh 24 h window; it keeps its place (sequence) in its key's order.
    /// False when the seller's subscription has no such delivery.
    /// </summary>
    public async Task<bool> ReplayAsync(UnitOfWork unit, string sellerId, Guid subscriptionId, Guid id, DateTime now) =>
        await unit.ExecuteAsync(
            "UPDATE notifications.deliveries SET status = 'Pending', next_attempt_at = @Now, window_start = @Now, "
                + "claimed_until = NULL, delivered_at = NULL "
                + "WHERE id = @Id AND subscription_id = @SubscriptionId AND seller_id = @SellerId",
            new
            {
                Id = id,
                SubscriptionId = subscriptionId,
                SellerId = sellerId,
                Now = now,
            }
        ) == 1;

    private static string? Truncate(string? error) => error is { Length: > 500 } ? error[..500] : error;

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static DateTime? Utc(DateTime? value) => value is { } v ? Utc(v) : null;

    private sealed class SendRow
    {
        public Guid Id { get; init; }
        public Guid SubscriptionId { get; init; }
        public string Url { get; init; } = "";
        public string Payload { get; init; } = "";
        public int Attempts { get; init; }
        public DateTime WindowStart { get; init; }
        public string Secret { get; init; } = "";
        public string? PreviousSecret { get; init; }
        public DateTime? PreviousSecretUntil { get; init; }

        public ClaimedDelivery ToClaimed(DateTime now) =>
            new(
                Id,
                SubscriptionId,
                Url,
                Payload,
                Attempts,
                Utc(WindowStart),
                PreviousSecret is not null && PreviousSecretUntil is { } until && Utc(until) > now ? [Secret, PreviousSecret] : [Secret]
            );
    }

    private sealed class LogRow
    {
        public Guid Id { get; init; }
        public long Sequence { get; init; }
        public Guid SubscriptionId { get; init; }
        public Guid EventId { get; init; }
        public string EventType { get; init; } = "";
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime NextAttemptAt { get; init; }
        public DateTime? LastAttemptAt { get; init; }
        public DateTime? DeliveredAt { get; init; }
        public int? LastStatusCode { get; init; }
        public int? LastLatencyMs { get; init; }
        public string? LastError { get; init; }

        public DeliveryRecord ToRecord() =>
            new(
                Id,
                Sequence,
                SubscriptionId,
                EventId,
                EventType,
                Enum.Parse<DeliveryStatus>(Status),
                Attempts,
                Utc(CreatedAt),
                Utc(NextAttemptAt),
                Utc(LastAttemptAt),
                Utc(DeliveredAt),
                LastStatusCode,
                LastLatencyMs,
                LastError
            );
    }
}

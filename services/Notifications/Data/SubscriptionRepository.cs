using InventoryPlatform.Data;
using InventoryPlatform.Notifications.Domain;

namespace InventoryPlatform.Notifications.Data;

/// <summary>The sellers' subscriptions. Every read and change names the seller, so a seller never reaches another's.</summary>
public sealed class SubscriptionRepository(Database database)
{
    private const string Columns =
        "id, seller_id, url, event_types, fnsku, fulfillment_center, secret, previous_secret, previous_secret_until, status, "
        + "disabled_reason, created_at, updated_at";

    private readonly string _active = database.Dialect.SelectTop(
        "notifications.subscriptions",
        Columns,
        "seller_id = @SellerId AND status = 'Active'",
        "created_at"
    );

    private readonly string _anyActive = database.Dialect.SelectTop(
        "notifications.subscriptions",
        "id",
        "seller_id = @SellerId AND status = 'Active'",
        "created_at"
    );

    public Task AddAsync(UnitOfWork unit, SubscriptionRecord subscription) =>
        unit.ExecuteAsync(
            $"INSERT INTO notifications.subscriptions ({Columns}) VALUES (@Id, @SellerId, @Url, @EventTypes, @Fnsku, "
                + "@FulfillmentCenter, @Secret, @PreviousSecret, @PreviousSecretUntil, @Status, @DisabledReason, @CreatedAt, @UpdatedAt)",
            new
            {
                subscription.Id,
                subscription.SellerId,
                subscription.Url,
                EventTypes = string.Join(',', subscription.EventTypes),
                subscription.Fnsku,
                subscription.FulfillmentCenter,
                subscription.Secret,
                subscription.PreviousSecret,
                subscription.PreviousSecretUntil,
                Status = subscription.Status.ToString(),
                subscription.DisabledReason,
                subscription.CreatedAt,
                subscription.UpdatedAt,
            }
        );

    /// <summary>Whether the seller has an active subscription: one indexed read, outside any transaction.</summary>
    public async Task<bool> AnyActiveAsync(string sellerId, CancellationToken cancellationToken) =>
        (await database.QueryAsync<Guid>(_anyActive, new { SellerId = sellerId, limit = 1 }, cancellationToken)).Any();

    public async Task<IReadOnlyList<SubscriptionRecord>> ListAsync(string sellerId, CancellationToken cancellationToken) =>
        [
            .. (
                await database.QueryAsync<Row>(
                    $"SELECT {Columns} FROM notifications.subscriptions WHERE seller_id = @SellerId ORDER BY created_at, id",
                    new { SellerId = sellerId },
                    cancellationToken
                )
            ).Select(r => r.ToRecord()),
        ];

    public async Task<SubscriptionRecord?> GetAsync(string sellerId, Guid id, CancellationToken cancellationToken) =>
        (
            await database.QuerySingleOrDefaultAsync<Row>(
                $"SELECT {Columns} FROM notifications.subscriptions WHERE seller_id = @SellerId AND id = @Id",
                new { SellerId = sellerId, Id = id },
                cancellationToken
            )
        )?.ToRecord();

    /// <summary>The seller's active subscriptions, which new events are delivered to (at most 1000 per seller are read).</summary>
    public async Task<IReadOnlyList<SubscriptionRecord>> ActiveOfAsync(UnitOfWork unit, string sellerId) =>
        [.. (await unit.QueryAsync<Row>(_active, new { SellerId = sellerId, limit = 1000 })).Select(r => r.ToRecord())];

    /// <summary>Subscriptions by id, whatever their seller: for sending deliveries already bound to them.</summary>
    public async Task<IReadOnlyList<SubscriptionRecord>> ByIdsAsync(UnitOfWork unit, IReadOnlyList<Guid> ids) =>
        [
            .. (
                await unit.QueryAsync<Row>(
                    $"SELECT {Columns} FROM notifications.subscriptions WHERE {unit.Dialect.InList("id", "Ids")}",
                    new { Ids = ids.ToArray() }
                )
            ).Select(r => r.ToRecord()),
        ];

    /// <summary>
    /// Sets the status (clearing the disabled reason unless one is given); false when the seller has no such subscription.
    /// </summary>
    public async Task<bool> SetStatusAsync(
        UnitOfWork unit,
        string? sellerId,
        Guid id,
        SubscriptionStatus status,
        string? reason,
        DateTime now
    ) =>
        await unit.ExecuteAsync(
            "UPDATE notifications.subscriptions SET status = @Status, disabled_reason = @Reason, updated_at = @Now "
                + "WHERE id = @Id AND (@SellerId IS NULL OR seller_id = @SellerId)",
            new
            {
                Id = id,
                SellerId = sellerId,
                Status = status.ToString(),
                Reason = reason,
                Now = now,
            }
        ) == 1;

    /// <summary>
    /// Makes <paramref name="secret"/> the signing secret; the current one signs too until <paramref name="previousUntil"/>.
    /// </summary>
    public async Task<bool> RotateAsync(UnitOfWork unit, string sellerId, Guid id, string secret, DateTime previousUntil, DateTime now) =>
        await unit.ExecuteAsync(
            "UPDATE notifications.subscriptions SET previous_secret = secret, previous_secret_until = @PreviousUntil, "
                + "secret = @Secret, updated_at = @Now WHERE id = @Id AND seller_id = @SellerId",
            new
            {
                Id = id,
                SellerId = sellerId,
                Secret = secret,
                PreviousUntil = previousUntil,
                Now = now,
            }
        ) == 1;

    /// <summary>Deletes the subscription and its delivery log; false when the seller has no such subscription.</summary>
    public async Task<bool> DeleteAsync(UnitOfWork unit, string sellerId, Guid id) =>
        await unit.ExecuteAsync(
            "DELETE FROM notifications.subscriptions WHERE id = @Id AND seller_id = @SellerId",
            new { Id = id, SellerId = sellerId }
        ) == 1;

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string SellerId { get; init; } = "";
        public string Url { get; init; } = "";
        public string EventTypes { get; init; } = "";
        public string? Fnsku { get; init; }
        public string? FulfillmentCenter { get; init; }
        public string Secret { get; init; } = "";
        public string? PreviousSecret { get; init; }
        public DateTime? PreviousSecretUntil { get; init; }
        public string Status { get; init; } = "";
        public string? DisabledReason { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }

        public SubscriptionRecord ToRecord() =>
            new(
                Id,
                SellerId,
                Url,
                EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries),
                Fnsku,
                FulfillmentCenter,
                Secret,
                PreviousSecret,
                PreviousSecretUntil is { } until ? DateTime.SpecifyKind(until, DateTimeKind.Utc) : null,
                Enum.Parse<SubscriptionStatus>(Status),
                DisabledReason,
                DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc),
                DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)
            );
    }
}

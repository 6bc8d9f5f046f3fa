using InventoryPlatform.Data;

namespace InventoryPlatform.Messaging;

/// <summary>
/// Outbox rows the dispatcher parked after <see cref="OutboxOptions.MaxAttempts"/> failed publishes, for admins: listed with
/// their last error, and re-driven one by one once the cause is fixed (a deployment that knows the type again, a broker
/// policy changed).
/// </summary>
public sealed class ParkedOutbox(Database database, OutboxSignal signal)
{
    private readonly string _list = database.Dialect.SelectTop(
        $"{database.Schema}.outbox",
        "id, message_type, correlation_id, created_at, attempts, parked_at, last_error, traceparent",
        "parked_at IS NOT NULL AND (@After IS NULL OR id > @After)",
        "id"
    );

    private readonly string _retry =
        $"UPDATE {database.Schema}.outbox SET parked_at = NULL, attempts = 0 WHERE id = @Id AND parked_at IS NOT NULL";

    /// <summary>Up to <paramref name="limit"/> parked rows in id order, after the id <paramref name="after"/> a page ended on.</summary>
    public async Task<IReadOnlyList<ParkedOutboxMessage>> ListAsync(int limit, Guid? after, CancellationToken cancellationToken) =>
        (await database.QueryAsync<ParkedOutboxMessage>(_list, new { limit, After = after }, cancellationToken)).ToList();

    /// <summary>Puts a parked row back in line with a fresh count of attempts; false when no row of that id is parked.</summary>
    public async Task<bool> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var retried = await database.InTransactionAsync(unit => unit.ExecuteAsync(_retry, new { Id = id }), cancellationToken) == 1;
        if (retried)
        {
            signal.Notify();
        }

        return retried;
    }
}

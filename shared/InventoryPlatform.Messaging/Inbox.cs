using InventoryPlatform.Data;

namespace InventoryPlatform.Messaging;

/// <summary>
/// Records each consumed message id per consumer in the same transaction as the consumer's effect;
/// a redelivered message finds its id there and changes nothing.
/// </summary>
public sealed class Inbox(Database database, TimeProvider time)
{
    private readonly string _insert = database.Dialect.InsertIfAbsent(
        $"{database.Schema}.inbox", ["message_id", "consumer"], ["message_id", "consumer", "received_at"]);

    /// <summary>True the first time a consumer sees the message; false for a repeat.</summary>
    public async Task<bool> TryAcceptAsync(UnitOfWork unit, Guid messageId, string consumer) =>
        await unit.ExecuteAsync(_insert, new { MessageId = messageId, Consumer = consumer, ReceivedAt = time.GetUtcNow().UtcDateTime }) == 1;

    /// <summary>
    /// Per message, in order: true the first time its consumer sees it. One round trip for all; a message id listed twice
    /// for the same consumer is accepted once.
    /// </summary>
    public async Task<bool[]> TryAcceptAsync(UnitOfWork unit, IReadOnlyList<(Guid MessageId, string Consumer)> messages)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var batch = new StatementBatch(unit);
        foreach (var (messageId, consumer) in messages)
        {
            batch.Add(_insert, new { MessageId = messageId, Consumer = consumer, ReceivedAt = now });
        }

        return (await batch.ExecuteAsync()).Select(rows => rows == 1).ToArray();
    }
}

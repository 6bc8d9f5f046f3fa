using InventoryPlatform.Data;

namespace InventoryPlatform.Messaging;

/// <summary>
/// Records each consumed message id per consumer in the same transaction as the consumer's effect;
/// a redelivered message finds its id there and changes nothing.
/// </summary>
public sealed class Inbox(Database database, TimeProvider time)
{
    private readonly string _insert = database.Dialect.InsertIfAbsent(
        $"{database.Schema}.inbox",
        ["message_id", "consumer"],
        ["message_id", "consumer", "received_at"]
    );

    /// <summary>True the first time a consumer sees the message; false for a repeat.</summary>
    public async Task<bool> TryAcceptAsync(UnitOfWork unit, Guid messageId, string consumer) =>
        await unit.ExecuteAsync(
            _insert,
            new
            {
                MessageId = messageId,
                Consumer = consumer,
                ReceivedAt = time.GetUtcNow().UtcDateTime,
            }
        ) == 1;

    /// <summary>
    /// Per message, in order: true the first time its consumer sees it. One round trip for all; a message id listed twice
    /// for the same consumer is accepted once.
    /// </summary>
    public async Task<bool[]> TryAcceptAsync(UnitOfWork unit, IReadOnlyList<(Guid MessageId, string Consumer)> messages)
    {
        // Inserted in key order, so that two batches holding the same redelivered ids never wait on each other crosswise.
        var now = time.GetUtcNow().UtcDateTime;
        var order = Enumerable
            .Range(0, messages.Count)
            .OrderBy(i => messages[i].MessageId)
            .ThenBy(i => messages[i].Consumer, StringComparer.Ordinal)
            .ToList();
        var batch = new StatementBatch(unit);
        foreach (var i in order)
        {
            batch.Add(
                _insert,
                new
                {
                    messages[i].MessageId,
                    messages[i].Consumer,
                    ReceivedAt = now,
                }
            );
        }

        var affected = await batch.ExecuteAsync();
        var accepted = new bool[messages.Count];
        for (var k = 0; k < order.Count; k++)
        {
            accepted[order[k]] = affected[k] == 1;
        }

        return accepted;
    }
}

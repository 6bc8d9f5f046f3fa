using System.Diagnostics;
using System.Text.Json;
using InventoryPlatform.Contracts;
using InventoryPlatform.Data;

namespace InventoryPlatform.Messaging;

/// <summary>
/// Writes integration events into the service's <c>outbox</c> table inside the caller's transaction,
/// so an event exists if and only if the state change that caused it committed. Each row keeps the W3C
/// <c>traceparent</c> of the activity that wrote it, so that the trace goes on where the dispatcher publishes the row.
/// </summary>
public sealed class Outbox(Database database, OutboxSignal signal)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _insert =
        $"INSERT INTO {database.Schema}.outbox (id, message_type, body, correlation_id, created_at, attempts, traceparent) "
        + "VALUES (@Id, @MessageType, @Body, @CorrelationId, @CreatedAt, 0, @Traceparent)";

    public async Task AddAsync<TEvent>(UnitOfWork unit, TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        var batch = new StatementBatch(unit);
        Add(batch, integrationEvent);
        await batch.ExecuteAsync();
    }

    /// <summary>Adds the event's row to a batch of the transaction's writes, sent with them in one round trip.</summary>
    public void Add<TEvent>(StatementBatch batch, TEvent integrationEvent)
        where TEvent : class, IIntegrationEvent
    {
        batch.Add(
            _insert,
            new
            {
                Id = integrationEvent.EventId,
                MessageType = TypeName(typeof(TEvent)),
                Body = JsonSerializer.Serialize(integrationEvent, Json),
                integrationEvent.CorrelationId,
                CreatedAt = integrationEvent.OccurredAt.UtcDateTime,
                Traceparent = Traceparent(Activity.Current),
            }
        );
        batch.Unit.AfterCommit(signal.Notify);
    }

    public async Task AddRangeAsync<TEvent>(UnitOfWork unit, IEnumerable<TEvent> integrationEvents)
        where TEvent : class, IIntegrationEvent
    {
        var batch = new StatementBatch(unit);
        foreach (var integrationEvent in integrationEvents)
        {
            Add(batch, integrationEvent);
        }

        await batch.ExecuteAsync();
    }

    /// <summary>The activity's W3C <c>traceparent</c> ("00-trace id-span id-flags"); null without one in W3C format.</summary>
    internal static string? Traceparent(Activity? activity) => activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

using System.Collections.Concurrent;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// <see cref="InboxBatcher{THandler,TMessage}"/> on the real database: messages in flight together share one
/// transaction, each is applied once, and a message that fails faults alone and stores nothing.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class InboxBatcherSpecs(DatabaseProvider provider)
{
    private const string Consumer = "NoteConsumer";
    private string _connectionString = "";
    private Database _database = null!;
    private Inbox _inbox = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _connectionString = await TestInfrastructure.CreateDatabaseAsync(provider, "batcher");
        var connections = new DbConnectionFactory(provider, _connectionString);
        ISqlDialect dialect = provider == DatabaseProvider.Postgres ? new PostgresDialect() : new SqlServerDialect();
        await new DatabaseMigrator(connections, dialect, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(
            typeof(InboxBatcherSpecs).Assembly,
            "batching",
            createDatabase: false,
            CancellationToken.None
        );
        _database = new Database(connections, dialect, SqlRetry.Create(1), "batching");
        await _database.InTransactionAsync(
            unit => unit.ExecuteAsync("CREATE TABLE batching.notes (text varchar(50) NOT NULL)"),
            CancellationToken.None
        );
        _inbox = new Inbox(_database, TimeProvider.System);
    }

    [Test]
    public async Task Messages_that_wait_for_a_running_batch_share_the_next_and_each_is_applied_once()
    {
        var (handler, batcher, gate) = await BehindARunningBatchAsync();
        var ids = Enumerable.Range(0, 120).Select(_ => Guid.NewGuid()).ToList();

        // Every message once, then the first 30 a second time (a redelivery can arrive beside its original), all queued behind the gate.
        var deliveries = ids.Select((id, i) => batcher.ApplyAsync(id, new Note($"note {i}"), Consumer))
            .Concat(ids.Take(30).Select((id, i) => batcher.ApplyAsync(id, new Note($"note {i}"), Consumer)))
            .ToList();
        await OpenAsync(handler, gate);
        await Task.WhenAll(deliveries);

        var notes = await TestInfrastructure.QueryAsync<string>(
            provider,
            _connectionString,
            "SELECT text FROM batching.notes WHERE text <> 'gate'"
        );
        Assert.That(notes, Is.EquivalentTo(Enumerable.Range(0, 120).Select(i => $"note {i}")), "each message's effect exactly once");
        Assert.That(
            await TestInfrastructure.ScalarAsync<int>(
                provider,
                _connectionString,
                "SELECT COUNT(*) FROM batching.inbox WHERE consumer = 'NoteConsumer'"
            ),
            Is.EqualTo(121)
        );
        // The gate alone; then 150 deliveries in transactions of at most 50, the last one's 30 repeats left out of its effect.
        Assert.That(handler.Batches, Is.EqualTo(new[] { 1, 50, 50, 20 }));

        // Delivered again later, alone: the inbox knows it, nothing is applied.
        await batcher.ApplyAsync(ids[0], new Note("note 0"), Consumer);
        Assert.That(
            await TestInfrastructure.ScalarAsync<int>(provider, _connectionString, "SELECT COUNT(*) FROM batching.notes"),
            Is.EqualTo(121)
        );
    }

    [Test]
    public async Task A_message_that_fails_faults_alone_and_the_others_of_its_batch_commit()
    {
        var (handler, batcher, gate) = await BehindARunningBatchAsync();
        var poisonId = Guid.NewGuid();
        var good = Enumerable.Range(0, 40).Select(i => (Id: Guid.NewGuid(), Note: new Note($"good {i}"))).ToList();

        var goodTasks = good.Take(20).Select(g => batcher.ApplyAsync(g.Id, g.Note, Consumer)).ToList();
        var poisonTask = batcher.ApplyAsync(poisonId, new Note("poison"), Consumer);
        goodTasks.AddRange(good.Skip(20).Select(g => batcher.ApplyAsync(g.Id, g.Note, Consumer)));
        await OpenAsync(handler, gate);

        Assert.ThrowsAsync<InvalidOperationException>(() => poisonTask);
        await Task.WhenAll(goodTasks);
        Assert.That(handler.Batches.Take(2), Is.EqualTo(new[] { 1, 41 }), "the poison was tried with the 40 others first");
        var notes = await TestInfrastructure.QueryAsync<string>(
            provider,
            _connectionString,
            "SELECT text FROM batching.notes WHERE text <> 'gate'"
        );
        Assert.That(notes, Is.EquivalentTo(good.Select(g => g.Note.Text)), "the others committed, the poison stored nothing");
        Assert.That(
            await TestInfrastructure.ScalarAsync<int>(
                provider,
                _connectionString,
                "SELECT COUNT(*) FROM batching.inbox WHERE message_id = @Id",
                new { Id = poisonId }
            ),
            Is.Zero,
            "the failed message is not marked consumed, so its redelivery is applied"
        );

        handler.AcceptPoison = true;
        await batcher.ApplyAsync(poisonId, new Note("poison"), Consumer);
        Assert.That(
            await TestInfrastructure.ScalarAsync<int>(
                provider,
                _connectionString,
                "SELECT COUNT(*) FROM batching.notes WHERE text = 'poison'"
            ),
            Is.EqualTo(1)
        );
    }

    [Test]
    public async Task A_batch_the_database_keeps_refusing_faults_all_its_messages_at_once()
    {
        var (handler, batcher, gate) = await BehindARunningBatchAsync();
        handler.TimeOutBatches = true;
        var waiting = Enumerable.Range(0, 10).Select(i => batcher.ApplyAsync(Guid.NewGuid(), new Note($"note {i}"), Consumer)).ToList();
        await OpenAsync(handler, gate);

        foreach (var task in waiting)
        {
            Assert.ThrowsAsync<TimeoutException>(() => task);
        }

        // The gate; the batch of ten and the unit of work's one retry of it; nothing tried alone.
        Assert.That(handler.Batches, Is.EqualTo(new[] { 1, 10, 10 }));
        Assert.That(
            await TestInfrastructure.ScalarAsync<int>(
                provider,
                _connectionString,
                "SELECT COUNT(*) FROM batching.notes WHERE text <> 'gate'"
            ),
            Is.Zero
        );
    }

    [Test]
    public async Task A_batch_whose_deliveries_are_cancelled_faults_at_once_and_stores_nothing()
    {
        var (handler, batcher, gate) = await BehindARunningBatchAsync();
        using var stopping = new CancellationTokenSource();
        var waiting = Enumerable
            .Range(0, 5)
            .Select(i => batcher.ApplyAsync(Guid.NewGuid(), new Note($"note {i}"), Consumer, stopping.Token))
            .ToList();
        stopping.Cancel(); // the bus stops while they wait
        await OpenAsync(handler, gate);

        foreach (var task in waiting)
        {
            Assert.CatchAsync<OperationCanceledException>(() => task);
        }

        Assert.That(handler.Batches, Is.EqualTo(new[] { 1 }), "the waiting batch never ran, alone or together");
        Assert.That(
            await TestInfrastructure.ScalarAsync<int>(provider, _connectionString, "SELECT COUNT(*) FROM batching.inbox"),
            Is.EqualTo(1),
            "only the gate"
        );
    }

    [Test]
    public async Task A_lone_message_is_applied_at_once()
    {
        var handler = new NoteWriter();
        var batcher = Batcher(handler, maxMessages: 50, concurrency: 1);

        var started = DateTime.UtcNow;
        await batcher.ApplyAsync(Guid.NewGuid(), new Note("alone"), Consumer);

        Assert.That(handler.Batches, Is.EqualTo(new[] { 1 }));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(2)), "no waiting for company");
    }

    /// <summary>A batcher (batches of at most 50, one at a time) whose first batch, a note "gate", is running and holds its transaction
    /// open.</summary>
    private async Task<(NoteWriter Handler, InboxBatcher<NoteWriter, Note> Batcher, Task Gate)> BehindARunningBatchAsync()
    {
        var handler = new NoteWriter();
        var batcher = Batcher(handler, maxMessages: 50, concurrency: 1);
        var gate = batcher.ApplyAsync(Guid.NewGuid(), new Note("gate"), Consumer);
        await handler.AtGate.Task;
        return (handler, batcher, gate);
    }

    private static async Task OpenAsync(NoteWriter handler, Task gate)
    {
        handler.Gate.SetResult();
        await gate;
    }

    private InboxBatcher<NoteWriter, Note> Batcher(NoteWriter handler, int maxMessages, int concurrency) =>
        new(
            _database,
            _inbox,
            handler,
            new MessagingOptions
            {
                Batching = new InboxBatchOptions { MaxMessages = maxMessages, Concurrency = concurrency },
            }
        );

    public sealed record Note(string Text);

    /// <summary>Writes each note; a note "gate" holds its transaction open until <see cref="Gate"/> is set (<see cref="AtGate"/> tells it
    /// is there), a note "poison" fails its transaction.</summary>
    public sealed class NoteWriter : IInboxBatchHandler<Note>
    {
        public ConcurrentQueue<int> Batches { get; } = new();

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource AtGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool AcceptPoison { get; set; }

        /// <summary>Every batch of more than one message fails as a database that does not answer would (a transient fault).</summary>
        public bool TimeOutBatches { get; set; }

        public async Task HandleAsync(IReadOnlyList<Note> messages, UnitOfWork unit)
        {
            Batches.Enqueue(messages.Count);
            foreach (var note in messages)
            {
                await unit.ExecuteAsync("INSERT INTO batching.notes (text) VALUES (@Text)", note);
            }

            if (TimeOutBatches && messages.Count > 1)
            {
                throw new TimeoutException("The database did not answer.");
            }

            if (!AcceptPoison && messages.Any(m => m.Text == "poison"))
            {
                throw new InvalidOperationException("A poison message.");
            }

            if (messages.Any(m => m.Text == "gate"))
            {
                AtGate.TrySetResult();
                await Gate.Task;
            }
        }
    }
}

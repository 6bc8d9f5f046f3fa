using InventoryPlatform.Data;
using InventoryPlatform.Hosting.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// The one scheduling mechanism every service uses: replicas share a <c>scheduled_jobs</c> row per job, and only the
/// replica whose claim moves the row forward runs a due round.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class ScheduledJobSpecs(DatabaseProvider provider)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly List<ServiceProvider> _replicas = [];
    private Database _database = null!;

    [SetUp]
    public async Task Migrate()
    {
        var connectionString = await TestInfrastructure.CreateDatabaseAsync(provider, "jobs");
        var connections = new DbConnectionFactory(provider, connectionString);
        ISqlDialect dialect = provider == DatabaseProvider.Postgres ? new PostgresDialect() : new SqlServerDialect();
        _database = new Database(connections, dialect, SqlRetry.Create(1), "jobs");
        await _database.InTransactionAsync(unit => unit.ExecuteAsync(dialect.CreateSchemaIfMissing("jobs")), CancellationToken.None);
        foreach (var script in MigrationScripts.For(provider, typeof(ScheduledJobSpecs).Assembly, "jobs"))
        {
            await _database.InTransactionAsync(unit => unit.ExecuteAsync(script.Sql), CancellationToken.None);
        }
    }

    [TearDown]
    public async Task Stop()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Test]
    public async Task A_due_round_runs_on_one_replica_only_and_is_due_again_after_its_interval()
    {
        var runs = new RunCounter();
        var first = Replica(runs, JobSchedule.Every(Hour));
        var second = Replica(runs, JobSchedule.Every(Hour));

        Assert.That(await first.RunIfDueAsync(CancellationToken.None), Is.True, "due at once: the first replica takes it");
        Assert.That(await second.RunIfDueAsync(CancellationToken.None), Is.False, "the round is taken");
        _time.Advance(Hour - TimeSpan.FromSeconds(1));
        Assert.That(await second.RunIfDueAsync(CancellationToken.None), Is.False, "not due again before its interval");
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await second.RunIfDueAsync(CancellationToken.None), Is.True, "due again: any replica may take it");
        Assert.That(await first.RunIfDueAsync(CancellationToken.None), Is.False);

        Assert.That(runs.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Replicas_polling_at_once_run_a_due_round_once()
    {
        var runs = new RunCounter();
        var replicas = Enumerable.Range(0, 4).Select(_ => Replica(runs, JobSchedule.Every(Hour))).ToList();
        await replicas[0].RunIfDueAsync(CancellationToken.None);
        _time.Advance(Hour);

        var taken = await Task.WhenAll(replicas.Select(r => r.RunIfDueAsync(CancellationToken.None)));

        Assert.That(taken.Count(t => t), Is.EqualTo(1));
        Assert.That(runs.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task A_first_run_can_wait_for_its_interval()
    {
        var runs = new RunCounter();
        var replica = Replica(runs, JobSchedule.Every(Hour, firstRunAfter: Hour));

        Assert.That(await replica.RunIfDueAsync(CancellationToken.None), Is.False);
        _time.Advance(Hour);
        Assert.That(await replica.RunIfDueAsync(CancellationToken.None), Is.True);
        Assert.That(runs.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_round_is_not_retried_before_its_next_due_time()
    {
        var runs = new RunCounter { FailNext = true };
        var replica = Replica(runs, JobSchedule.Every(Hour));

        Assert.ThrowsAsync<InvalidOperationException>(() => replica.RunIfDueAsync(CancellationToken.None));
        Assert.That(await replica.RunIfDueAsync(CancellationToken.None), Is.False, "the failed round counted as the due one");
        _time.Advance(Hour);
        Assert.That(await replica.RunIfDueAsync(CancellationToken.None), Is.True);
        Assert.That(runs.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task Making_a_job_due_runs_it_at_the_next_poll()
    {
        var runs = new RunCounter();
        var replica = Replica(runs, JobSchedule.Every(Hour));
        await replica.RunIfDueAsync(CancellationToken.None);

        await new JobClaims(_database).MakeDueAsync("count", _time.GetUtcNow().UtcDateTime, CancellationToken.None);

        Assert.That(await replica.RunIfDueAsync(CancellationToken.None), Is.True);
        Assert.That(runs.Count, Is.EqualTo(2));
    }

    private JobScheduler<CountingJob> Replica(RunCounter runs, JobSchedule schedule)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(_database)
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton(runs)
            .AddScheduledJob<CountingJob>("count", _ => schedule)
            .BuildServiceProvider();
        _replicas.Add(services);
        return services.GetRequiredService<JobScheduler<CountingJob>>();
    }

    private sealed class RunCounter
    {
        private int _count;

        public bool FailNext { get; set; }

        public int Count => _count;

        public void Run()
        {
            Interlocked.Increment(ref _count);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("The round failed.");
            }
        }
    }

    private sealed class CountingJob(RunCounter runs) : IScheduledJob
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            runs.Run();
            return Task.CompletedTask;
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Messaging;
using InventoryPlatform.Receiving.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ReceivingMarker = InventoryPlatform.Receiving.Application.RecordScansHandler;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// The platform tables stay healthy on their own: a row that cannot be published is parked after a few attempts without
/// holding back the rows behind it, and admins see and re-drive it; a published event continues the trace that wrote it;
/// the retention job purges sent outbox rows, inbox rows and idempotency keys past their windows and nothing else.
/// Receiving stands in for every service: all of this is in <c>shared/</c>.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class OutboxHygieneSpecs(DatabaseProvider provider)
{
    private const int MaxAttempts = 3;
    private const string Parked = "/api/receiving/v1/admin/outbox/parked";
    private const string UnknownType = "InventoryPlatform.IntegrationTests.NoSuchEvent, InventoryPlatform.IntegrationTests";

    private const string InsertRow =
        "INSERT INTO receiving.outbox (id, message_type, body, correlation_id, created_at, sent_at, parked_at, attempts) "
        + "VALUES (@Id, @MessageType, @Body, @CorrelationId, @CreatedAt, @SentAt, @ParkedAt, 0)";

    private static readonly string ProbedType = $"{typeof(OutboxProbed).FullName}, {typeof(OutboxProbed).Assembly.GetName().Name}";

    private string _database = null!;
    private string _messaging = null!;
    private ServiceHost<ReceivingMarker> _receiving = null!;

    private IServiceProvider Services => _receiving.Services;

    [OneTimeSetUp]
    public async Task Start()
    {
        _database = await TestInfrastructure.CreateDatabaseAsync(provider, "hygiene");
        _messaging = await TestInfrastructure.CreateVirtualHostAsync("hygiene");
        _receiving = new ServiceHost<ReceivingMarker>(provider, _database, _messaging, Settings);
        using var http = _receiving.CreateClient();
        await Eventually.Until(
            async () => (await http.GetAsync(Microsoft.Extensions.Hosting.Extensions.HealthPath)).StatusCode,
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "Receiving healthy, its bus connected"
        );
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_receiving is not null)
        {
            await _receiving.DisposeAsync();
        }
    }

    [Test]
    public async Task A_poisoned_row_is_parked_while_a_thousand_others_are_published()
    {
        var queue = await BoundQueue.DeclareAsync<OutboxProbed>(_messaging);
        var correlation = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var unknownType = Guid.NewGuid();
        var brokenBody = Guid.NewGuid();
        var events = Enumerable
            .Range(1, 1000)
            .Select(n => new OutboxProbed(Guid.NewGuid(), now, "hygiene-seller", correlation, n))
            .ToList();

        var clock = Stopwatch.StartNew();
        await Services
            .GetRequiredService<Database>()
            .InTransactionAsync(
                async unit =>
                {
                    // The oldest rows: claimed at the head of every batch until they are parked.
                    await unit.ExecuteAsync(InsertRow, Row(unknownType, UnknownType, "{}", correlation, now.AddMinutes(-2)));
                    await unit.ExecuteAsync(
                        InsertRow,
                        Row(brokenBody, ProbedType, "{\"number\": \"many\"", correlation, now.AddMinutes(-1))
                    );
                    await Services.GetRequiredService<Outbox>().AddRangeAsync(unit, events);
                },
                CancellationToken.None
            );

        await Eventually.Until(
            () => ScalarAsync<int>(OutboxCount + " AND sent_at IS NOT NULL", new { correlation }),
            sent => sent == 1000,
            TimeSpan.FromSeconds(60),
            "the 1,000 good rows sent"
        );
        // A failure that backed the whole dispatcher off, as before, cost 0.5 + 1 + 2 + 4 + 8 s over the five batches.
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(12)), "the poisoned rows held nothing back");

        var parked = await Eventually.Until(
            () =>
                QueryAsync<(Guid Id, int Attempts, string LastError)>(
                    "SELECT id, attempts, last_error FROM receiving.outbox WHERE correlation_id = @correlation AND parked_at IS NOT NULL "
                        + "AND sent_at IS NULL ORDER BY created_at",
                    new { correlation }
                ),
            rows => rows.Count == 2,
            TimeSpan.FromSeconds(30),
            "both poisoned rows parked"
        );
        Assert.That(parked.Select(p => (p.Id, p.Attempts)), Is.EqualTo(new[] { (unknownType, MaxAttempts), (brokenBody, MaxAttempts) }));
        Assert.That(parked[0].LastError, Does.Contain("NoSuchEvent"));
        Assert.That(parked[1].LastError, Does.StartWith("JsonException"));

        await Eventually.Until(
            () => TestInfrastructure.QueueDepthAsync(_messaging, queue.Name),
            depth => depth == 1000,
            TimeSpan.FromSeconds(30),
            "1,000 messages on the broker"
        );
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(
            await ScalarAsync<int>("SELECT SUM(attempts) FROM receiving.outbox WHERE correlation_id = @correlation", new { correlation }),
            Is.EqualTo(2 * MaxAttempts),
            "parked rows are no longer claimed"
        );
    }

    [Test]
    public async Task Admins_see_parked_events_with_their_last_error_and_re_drive_one_once_its_cause_is_fixed()
    {
        var queue = await BoundQueue.DeclareAsync<OutboxProbed>(_messaging);
        var correlation = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var unknownType = Guid.NewGuid();
        var brokenBody = Guid.NewGuid();
        await Services
            .GetRequiredService<Database>()
            .InTransactionAsync(
                async unit =>
                {
                    await unit.ExecuteAsync(InsertRow, Row(unknownType, UnknownType, "{}", correlation, now.AddMinutes(-2)));
                    await unit.ExecuteAsync(InsertRow, Row(brokenBody, ProbedType, "{\"number\": 7", correlation, now.AddMinutes(-1)));
                },
                CancellationToken.None
            );
        await Eventually.Until(
            () => ScalarAsync<int>(OutboxCount + " AND parked_at IS NOT NULL", new { correlation }),
            count => count == 2,
            TimeSpan.FromSeconds(30),
            "both rows parked"
        );
        var admin = _receiving.ClientFor("ops", PlatformScopes.Admin);
        var partner = _receiving.ClientFor("hygiene-seller");

        Assert.That((await partner.GetAsync(Parked)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "partners do not see the outbox");
        Assert.That((await partner.PostAsync($"{Parked}/{brokenBody}/retry", null)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var listed = (await ListParkedAsync(admin)).Where(m => m.CorrelationId == correlation).OrderBy(m => m.CreatedAt).ToList();
        Assert.That(
            listed.Select(m => (m.Id, m.MessageType, m.Attempts)),
            Is.EqualTo(new[] { (unknownType, UnknownType, MaxAttempts), (brokenBody, ProbedType, MaxAttempts) })
        );
        Assert.That(listed[0].LastError, Does.Contain("NoSuchEvent"));
        Assert.That(listed[1].LastError, Does.StartWith("JsonException"));

        // The cause fixed (here by hand), an admin re-drives the row: it is published under its own id.
        await ExecuteAsync(
            "UPDATE receiving.outbox SET body = @Body WHERE id = @brokenBody",
            new { brokenBody, Body = "{\"eventId\": \"" + brokenBody + "\", \"sellerId\": \"hygiene-seller\", \"number\": 7}" }
        );
        var retried = await admin.PostAsync($"{Parked}/{brokenBody}/retry", null);

        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await retried.Content.ReadAsStringAsync());
        var published = await queue.WaitAsync(TimeSpan.FromSeconds(30), "the re-driven event on the broker");
        Assert.That(published.MessageId, Is.EqualTo(brokenBody));
        Assert.That(PlatformJson.OutboxBody<OutboxProbed>(published.Message).Number, Is.EqualTo(7));
        Assert.That(
            await ScalarAsync<int>(
                "SELECT COUNT(*) FROM receiving.outbox WHERE id = @brokenBody AND sent_at IS NOT NULL",
                new { brokenBody }
            ),
            Is.EqualTo(1)
        );
        Assert.That(
            (await ListParkedAsync(admin)).Where(m => m.CorrelationId == correlation).Select(m => m.Id),
            Is.EqualTo(new[] { unknownType })
        );
        var again = await admin.PostAsync($"{Parked}/{brokenBody}/retry", null);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a sent row is not parked");
        var badCursor = await admin.GetAsync($"{Parked}?cursor=not-a-cursor!");
        Assert.That(badCursor.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await badCursor.Content.ReadAsStringAsync(), Does.Contain("cursor"));
    }

    [Test]
    public async Task A_published_event_continues_the_trace_that_wrote_its_row()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is OutboxDispatcher.ActivitySourceName or "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var queue = await BoundQueue.DeclareAsync<OutboxProbed>(_messaging);
        var probed = new OutboxProbed(Guid.NewGuid(), DateTimeOffset.UtcNow, "hygiene-seller", Guid.NewGuid(), 42);

        ActivityTraceId trace;
        string writer;
        using (var request = new Activity("a request that writes an event").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            (trace, writer) = (request.TraceId, request.Id!);
            await Services
                .GetRequiredService<Database>()
                .InTransactionAsync(unit => Services.GetRequiredService<Outbox>().AddAsync(unit, probed), CancellationToken.None);
        }

        var published = await Eventually.Until(
            queue.TakeAsync,
            message => message?.MessageId == probed.EventId,
            TimeSpan.FromSeconds(30),
            "the event on the broker"
        );
        Assert.That(
            await ScalarAsync<string>("SELECT traceparent FROM receiving.outbox WHERE id = @EventId", new { probed.EventId }),
            Is.EqualTo(writer),
            "the row keeps the writer's traceparent"
        );
        var publish = await Eventually.Until(
            () => Task.FromResult(stopped.FirstOrDefault(a => a.Source.Name == OutboxDispatcher.ActivitySourceName && a.TraceId == trace)),
            activity => activity is not null,
            TimeSpan.FromSeconds(10),
            "the dispatcher's publish activity"
        );
        Assert.That(publish!.GetTagItem("messaging.message.id"), Is.EqualTo(probed.EventId.ToString()));
        Assert.That(publish.ParentSpanId.ToHexString(), Is.EqualTo(writer.Split('-')[2]), "a child of the writer's span");
        Assert.That(
            stopped.Where(a => a.Source.Name == "MassTransit" && a.TraceId == trace).Select(a => a.ParentSpanId),
            Does.Contain(publish.SpanId),
            "MassTransit's send runs inside it"
        );
        Assert.That(
            published!.Headers.Values,
            Has.Some.Contains(trace.ToHexString()),
            $"a header carries the trace to consumers: {string.Join(", ", published.Headers.Select(h => $"{h.Key}={h.Value}"))}"
        );
    }

    [Test]
    public async Task A_row_written_by_a_request_keeps_the_request_trace()
    {
        var trace = ActivityTraceId.CreateRandom();
        var client = _receiving.ClientFor("trace-seller");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/receiving/v1/items")
        {
            Content = JsonContent.Create(
                new
                {
                    sellerSku = "TRACED-1",
                    title = "Traced product",
                    storageType = "standard",
                    dimensions = new
                    {
                        lengthCm = 20,
                        widthCm = 15,
                        heightCm = 10,
                        weightKg = 0.8,
                    },
                    listPrice = new { amount = 19.99, currency = "USD" },
                }
            ),
        };
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var fnsku = (await response.ReadAsync<ItemResponse>()).Fnsku;
        var traceparent = await ScalarAsync<string>(
            "SELECT traceparent FROM receiving.outbox WHERE message_type LIKE '%ItemRegistered%' AND body LIKE @Fnsku",
            new { Fnsku = $"%{fnsku}%" }
        );
        Assert.That(traceparent, Does.StartWith($"00-{trace.ToHexString()}-"));
    }

    [Test]
    public async Task The_retention_job_purges_rows_past_their_windows_in_batches_and_keeps_the_rest()
    {
        var correlation = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var database = Services.GetRequiredService<Database>();
        await database.InTransactionAsync(
            async unit =>
            {
                // 25 of each past its window: several bounded deletes of 7 (Retention:BatchSize) each.
                for (var i = 0; i < 25; i++)
                {
                    await unit.ExecuteAsync(
                        InsertRow,
                        Row(Guid.NewGuid(), ProbedType, "{}", correlation, now.AddDays(-9), sentAt: now.AddDays(-8))
                    );
                    await unit.ExecuteAsync(InsertInbox, new { MessageId = Guid.NewGuid(), ReceivedAt = now.AddDays(-31).UtcDateTime });
                    await unit.ExecuteAsync(InsertKey, new { Key = $"old-{i}", CreatedAt = now.AddDays(-8).UtcDateTime });
                }

                for (var i = 0; i < 3; i++)
                {
                    await unit.ExecuteAsync(
                        InsertRow,
                        Row(Guid.NewGuid(), ProbedType, "{}", correlation, now.AddDays(-2), sentAt: now.AddDays(-1))
                    );
                    await unit.ExecuteAsync(InsertInbox, new { MessageId = Guid.NewGuid(), ReceivedAt = now.AddDays(-1).UtcDateTime });
                    await unit.ExecuteAsync(InsertKey, new { Key = $"recent-{i}", CreatedAt = now.AddHours(-1).UtcDateTime });
                }

                // Never sent, however old: an unsent row and a parked one are kept until they are published.
                await unit.ExecuteAsync(InsertRow, Row(Guid.NewGuid(), UnknownType, "{}", correlation, now.AddDays(-60)));
                await unit.ExecuteAsync(
                    InsertRow,
                    Row(Guid.NewGuid(), UnknownType, "{}", correlation, now.AddDays(-60), parkedAt: now.AddDays(-59))
                );
            },
            CancellationToken.None
        );
        var claims = Services.GetRequiredService<JobClaims>();
        await claims.EnsureAsync(PlatformRetentionJob.Name, now.UtcDateTime, CancellationToken.None);
        await claims.MakeDueAsync(PlatformRetentionJob.Name, now.UtcDateTime, CancellationToken.None);

        var ran = await Services.GetRequiredService<JobScheduler<PlatformRetentionJob>>().RunIfDueAsync(CancellationToken.None);

        Assert.That(ran, Is.True, "the job is scheduled in every service and was due");
        var sentKept = await ScalarAsync<int>(OutboxCount + " AND sent_at IS NOT NULL", new { correlation });
        var unsentKept = await ScalarAsync<int>(OutboxCount + " AND sent_at IS NULL", new { correlation });
        var inboxKept = await ScalarAsync<int>("SELECT COUNT(*) FROM receiving.inbox WHERE consumer = 'retention-spec'");
        var keysKept = await QueryAsync<string>(
            "SELECT idempotency_key FROM receiving.idempotency_keys WHERE seller_id = 'retention-seller' ORDER BY idempotency_key"
        );
        Assert.Multiple(() =>
        {
            Assert.That(sentKept, Is.EqualTo(3), "sent outbox rows: the 3 within 7 days kept");
            Assert.That(unsentKept, Is.EqualTo(2), "unsent and parked rows kept, however old");
            Assert.That(inboxKept, Is.EqualTo(3), "inbox rows: the 3 within 30 days kept");
            Assert.That(keysKept, Is.EqualTo(new[] { "recent-0", "recent-1", "recent-2" }), "idempotency keys within 7 days kept");
        });
    }

    private const string OutboxCount = "SELECT COUNT(*) FROM receiving.outbox WHERE correlation_id = @correlation";

    private const string InsertInbox =
        "INSERT INTO receiving.inbox (message_id, consumer, received_at) VALUES (@MessageId, 'retention-spec', @ReceivedAt)";

    private const string InsertKey =
        "INSERT INTO receiving.idempotency_keys (seller_id, idempotency_key, request_path, status_code, response_body, created_at) "
        + "VALUES ('retention-seller', @Key, '/api/receiving/v1/shipments', 201, '{}', @CreatedAt)";

    private static void Settings(IWebHostBuilder builder)
    {
        builder.UseSetting("Messaging:Outbox:MaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Retention:BatchSize", "7");
        // The spec runs the purge itself; no background round races it.
        builder.UseSetting("Retention:Enabled", "false");
    }

    private static object Row(
        Guid id,
        string messageType,
        string body,
        Guid correlation,
        DateTimeOffset createdAt,
        DateTimeOffset? sentAt = null,
        DateTimeOffset? parkedAt = null
    ) =>
        new
        {
            Id = id,
            MessageType = messageType,
            Body = body,
            CorrelationId = correlation,
            CreatedAt = createdAt.UtcDateTime,
            SentAt = sentAt?.UtcDateTime,
            ParkedAt = parkedAt?.UtcDateTime,
        };

    private static async Task<IReadOnlyList<ParkedOutboxMessage>> ListParkedAsync(HttpClient admin)
    {
        var response = await admin.GetAsync($"{Parked}?limit=500");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<Page<ParkedOutboxMessage>>()).Items;
    }

    private Task<T> ScalarAsync<T>(string sql, object? parameters = null) =>
        TestInfrastructure.ScalarAsync<T>(provider, _database, sql, parameters);

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        TestInfrastructure.QueryAsync<T>(provider, _database, sql, parameters);

    private Task<int> ExecuteAsync(string sql, object parameters) =>
        Services.GetRequiredService<Database>().InTransactionAsync(unit => unit.ExecuteAsync(sql, parameters), CancellationToken.None);
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Api;
using Npgsql;
using RabbitMQ.Client;
using LimitsMarker = InventoryPlatform.Limits.Messaging.ReserveCapacityConsumer;
using ReceivingMarker = InventoryPlatform.Receiving.Application.RecordScansHandler;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Scans flowing from Receiving to Allocation's ledger while something breaks: Allocation killed outright and
/// restarted, the database shut down and back, the broker away for 30 seconds, every event published a second
/// time, a malformed message. Each ends with the same invariants: the ledger holds exactly the units Receiving
/// accepted, its journal rebuilds every balance, and the error queues are empty (or hold exactly the message the
/// test sent there). Allocation runs as its own process so that it can be killed; the retry schedule is the
/// production one (retries over about a minute before the error queue), not the tests' short one.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class FaultSpecs
{
    private const string Center = "SEA1";
    private const int UnitsPerScan = 4;
    private string _database = null!;
    private string _messaging = null!;
    private ServiceHost<ReceivingMarker> _receiving = null!;
    private ServiceHost<LimitsMarker> _limits = null!;
    private ServiceProcess _allocation = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "faults");
        _messaging = await TestInfrastructure.CreateVirtualHostAsync("faults");
        _allocation = await ServiceProcess.StartAsync(
            "Allocation",
            new Dictionary<string, string>
            {
                ["ConnectionStrings:inventory"] = _database,
                ["ConnectionStrings:messaging"] = _messaging,
                ["Database:Provider"] = "Postgres",
                ["Identity:Jwks"] = TestIdentity.Jwks,
                ["Messaging:Outbox:PollInterval"] = "00:00:00.200",
            }
        );
        _limits = new ServiceHost<LimitsMarker>(DatabaseProvider.Postgres, _database, _messaging, ProductionRetries);
        _receiving = new ServiceHost<ReceivingMarker>(DatabaseProvider.Postgres, _database, _messaging, ProductionRetries);
        _limits.CreateClient().Dispose();
        using var receiving = _receiving.CreateClient();
        await Eventually.Until(
            async () => (await receiving.GetAsync("/health")).IsSuccessStatusCode,
            healthy => healthy,
            TimeSpan.FromSeconds(30),
            "Receiving healthy"
        );
        await Eventually.Until(
            () => TestInfrastructure.QueueHasConsumerAsync(_messaging, "limits-reserve-capacity"),
            ready => ready,
            TimeSpan.FromSeconds(30),
            "Limits consuming"
        );
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_receiving is not null)
        {
            await _receiving.DisposeAsync();
        }

        if (_limits is not null)
        {
            await _limits.DisposeAsync();
        }

        if (_allocation is not null)
        {
            await _allocation.DisposeAsync();
        }
    }

    [Test]
    public async Task Allocation_killed_while_consuming_and_restarted_loses_and_doubles_nothing()
    {
        var flow = await Flow.StartAsync(this, "fault-kill", scans: 50);

        await flow.ScanAsync(0, 20);
        await Eventually.Until(flow.OnHandAsync, onHand => onHand > 0, TimeSpan.FromSeconds(60), "Allocation consuming");
        await _allocation.KillAsync();
        await flow.ScanAsync(20, 50);
        await _allocation.StartAsync();

        await flow.AssertEverythingArrivedOnceAsync();
    }

    [Test]
    public async Task The_database_shut_down_mid_flow_loses_and_doubles_nothing()
    {
        var flow = await Flow.StartAsync(this, "fault-db", scans: 40);

        await flow.ScanAsync(0, 15);
        await TestInfrastructure.StopDatabaseAsync();
        try
        {
            // Scans sent while the database is down are refused or wait out its return; none is half-stored.
            var during = flow.ScanAsync(15, 25);
            await Task.Delay(TimeSpan.FromSeconds(5));
            await TestInfrastructure.StartDatabaseAsync();
            await during;
        }
        finally
        {
            await TestInfrastructure.StartDatabaseAsync();
            // The test's own pooled connections died with the server (the services' recover by themselves).
            NpgsqlConnection.ClearAllPools();
        }

        await flow.ScanAsync(25, 40);
        await flow.AssertEverythingArrivedOnceAsync();
    }

    [Test]
    public async Task The_broker_away_for_thirty_seconds_mid_flow_loses_and_doubles_nothing()
    {
        var flow = await Flow.StartAsync(this, "fault-broker", scans: 40);

        await flow.ScanAsync(0, 15);
        await TestInfrastructure.StopBrokerAsync();
        try
        {
            var outage = Task.Delay(TimeSpan.FromSeconds(30));
            await flow.ScanAsync(15, 30);
            await outage;
        }
        finally
        {
            await TestInfrastructure.StartBrokerAsync();
        }

        await flow.ScanAsync(30, 40);
        await flow.AssertEverythingArrivedOnceAsync(TimeSpan.FromSeconds(120));
    }

    [Test]
    public async Task Every_event_published_again_in_bulk_changes_nothing()
    {
        var flow = await Flow.StartAsync(this, "fault-redeliver", scans: 30);
        await flow.ScanAsync(0, 30);
        await flow.AssertEverythingArrivedOnceAsync();
        var consumedBefore = await ScalarAsync<int>("SELECT COUNT(*) FROM allocation.inbox");
        var received = await ScalarAsync<int>("SELECT COUNT(*) FROM receiving.outbox WHERE message_type LIKE '%UnitsReceived%'");
        var acked = await TestInfrastructure.SettledQueueAcksAsync(_messaging, "allocation-units-received");

        // As if Receiving's dispatcher had crashed after publishing each row and before marking it sent.
        var republished = await ScalarAsync<int>(
            "WITH again AS (UPDATE receiving.outbox SET sent_at = NULL RETURNING 1) SELECT COUNT(*) FROM again"
        );
        Assert.That(republished, Is.GreaterThanOrEqualTo(30));
        await Eventually.Until(
            () => ScalarAsync<int>("SELECT COUNT(*) FROM receiving.outbox WHERE sent_at IS NULL"),
            unsent => unsent == 0,
            TimeSpan.FromSeconds(60),
            "the outbox sent again"
        );
        // Every duplicate UnitsReceived delivered to Allocation and acknowledged there, not merely sent.
        await Eventually.Until(
            () => TestInfrastructure.QueueAcksAsync(_messaging, "allocation-units-received"),
            n => n >= acked + received,
            TimeSpan.FromSeconds(60),
            $"the {received} duplicate receipts consumed"
        );

        await flow.AssertEverythingArrivedOnceAsync();
        Assert.That(
            await ScalarAsync<int>("SELECT COUNT(*) FROM allocation.inbox"),
            Is.EqualTo(consumedBefore),
            "every duplicate recognised by its message id"
        );
    }

    [Test]
    public async Task A_malformed_message_goes_to_the_error_queue_while_the_rest_flows_on()
    {
        var flow = await Flow.StartAsync(this, "fault-poison", scans: 10);

        var factory = new ConnectionFactory { Uri = new Uri(_messaging) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            var properties = new BasicProperties
            {
                ContentType = "application/vnd.masstransit+json",
                MessageId = Guid.NewGuid().ToString(),
                Persistent = true,
            };
            await channel.BasicPublishAsync(
                "InventoryPlatform.Contracts.V1:UnitsReceived",
                "",
                mandatory: false,
                properties,
                Encoding.UTF8.GetBytes("{\"message\": {\"quantity\": \"lots\"'")
            );
        }

        await flow.ScanAsync(0, 10);
        // Every service that consumes UnitsReceived got its copy of the malformed message, and parks it.
        var consumers = 0;
        foreach (var service in new[] { "allocation", "limits", "liquidation", "forecasting", "returns" })
        {
            consumers += await TestInfrastructure.QueueExistsAsync(_messaging, $"{service}-units-received") ? 1 : 0;
        }

        await flow.AssertEverythingArrivedOnceAsync(expectedErrors: consumers);
        Assert.That(
            await TestInfrastructure.QueueDepthAsync(_messaging, "allocation-units-received_error"),
            Is.GreaterThanOrEqualTo(1),
            "the malformed message is kept for a look"
        );
    }

    private static void ProductionRetries(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        string[] retries = ["00:00:00.200", "00:00:01", "00:00:02"];
        string[] redeliveries = ["00:00:05", "00:00:10", "00:00:20"];
        for (var i = 0; i < 3; i++)
        {
            builder.UseSetting($"Messaging:RetryIntervals:{i}", retries[i]);
            builder.UseSetting($"Messaging:RedeliveryIntervals:{i}", redeliveries[i]);
        }
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException("No value.");
    }

    /// <summary>One seller's shipment of <c>scans × 4</c> units, scanned in batches of four (each batch one UnitsReceived).</summary>
    private sealed class Flow(FaultSpecs specs, string seller, string fnsku, Guid shipment, int scans, int errorsBefore)
    {
        private readonly HttpClient _receiving = specs._receiving.ClientFor(seller);

        public static async Task<Flow> StartAsync(FaultSpecs specs, string seller, int scans)
        {
            var receiving = specs._receiving.ClientFor(seller);
            var fnsku = await PlatformApi.RegisterItemAsync(receiving, seller.ToUpperInvariant());
            // After an outage the capacity request may time out while the buses reconnect (503, "try again"): a partner retries.
            var created = await Eventually.Until(
                () =>
                    receiving.PostAsJsonAsync(
                        "/api/receiving/v1/shipments",
                        new { fulfillmentCenter = Center, lines = new[] { new { fnsku, expectedUnits = scans * UnitsPerScan } } }
                    ),
                response => response.StatusCode != HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(90),
                "a shipment accepted"
            );
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            var shipment = (await created.ReadAsync<ShipmentResponse>()).Id;
            var errorsBefore = (await TestInfrastructure.ErrorQueuesAsync(specs._messaging)).Values.Sum();
            return new Flow(specs, seller, fnsku, shipment, scans, errorsBefore);
        }

        /// <summary>
        /// Sends scan batches [from, to) one after another; a batch the platform could not take (database away) is sent
        /// again until it is accepted — a repeated unit id is recognised, so a retry never counts a unit twice.
        /// </summary>
        public async Task ScanAsync(int from, int to)
        {
            for (var batch = from; batch < to; batch++)
            {
                var units = Enumerable.Range(0, UnitsPerScan).Select(i => $"{seller}-{batch}-{i}").ToList();
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
                while (true)
                {
                    try
                    {
                        var response = await _receiving.PostAsJsonAsync(
                            $"/api/receiving/v1/shipments/{shipment}/scans/batch",
                            new
                            {
                                scans = units.Select(u => new
                                {
                                    unitId = u,
                                    fnsku,
                                    condition = "sellable",
                                }),
                            }
                        );
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            break;
                        }

                        Assert.That((int)response.StatusCode, Is.GreaterThanOrEqualTo(500), await response.Content.ReadAsStringAsync());
                    }
                    catch (HttpRequestException) { }

                    Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"scan batch {batch} never accepted");
                    await Task.Delay(500);
                }
            }
        }

        public async Task<int> OnHandAsync()
        {
            using var allocation = specs._allocation.ClientFor(seller);
            try
            {
                return (await PlatformApi.StockAsync(allocation, fnsku, Center)).OnHand;
            }
            catch (HttpRequestException)
            {
                return -1;
            }
        }

        public async Task AssertEverythingArrivedOnceAsync(TimeSpan? timeout = null, int expectedErrors = 0)
        {
            var expected = scans * UnitsPerScan;
            var accepted = await specs.ScalarAsync<int>($"SELECT COUNT(*) FROM receiving.units WHERE shipment_id = '{shipment}'");
            Assert.That(accepted, Is.EqualTo(expected), "Receiving holds each scanned unit once");
            await Eventually.Until(
                OnHandAsync,
                onHand => onHand >= expected,
                timeout ?? TimeSpan.FromSeconds(90),
                $"{expected} units on hand"
            );
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.That(await OnHandAsync(), Is.EqualTo(expected), "no unit counted twice");
            var posted = await specs.ScalarAsync<int>(
                $"SELECT COALESCE(SUM(quantity), 0) FROM allocation.stock_movements WHERE seller_id = '{seller}' AND bucket = 'OnHand'"
            );
            Assert.That(posted, Is.EqualTo(expected), "the journal holds each received unit once");
            await LedgerAudit.AssertJournalAgreesWithBalancesAsync(specs._database);
            // The management API refreshes queue counts every few seconds.
            var errors = await Eventually.Until(
                async () => (await TestInfrastructure.ErrorQueuesAsync(specs._messaging)).Values.Sum() - errorsBefore,
                added => added == expectedErrors,
                TimeSpan.FromSeconds(30),
                $"{expectedErrors} new message(s) in the error queues"
            );
            Assert.That(errors, Is.EqualTo(expectedErrors));
        }
    }
}

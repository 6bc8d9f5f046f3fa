using System.Net;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using Probes = Microsoft.Extensions.Hosting.Extensions;
using ReceivingMarker = InventoryPlatform.Receiving.Application.RecordScansHandler;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Readiness keeps the outbox's promise: with the broker away a service stays ready (its database answers) and takes
/// writes, whose events reach the broker once it is back. <c>/health</c> still shows operators the bus is down, and
/// liveness stays green, since a new process would not bring the broker back.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReadinessSpecs
{
    private string _database = null!;
    private string _messaging = null!;
    private ServiceHost<ReceivingMarker> _receiving = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "ready");
        _messaging = await TestInfrastructure.CreateVirtualHostAsync("ready");
        _receiving = new ServiceHost<ReceivingMarker>(DatabaseProvider.Postgres, _database, _messaging);
        using var http = _receiving.CreateClient();
        await Eventually.Until(
            async () => (await http.GetAsync(Probes.HealthPath)).StatusCode,
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
    public async Task With_the_broker_stopped_a_service_stays_ready_and_takes_writes_published_when_the_broker_returns()
    {
        var registered = await BoundQueue.DeclareAsync<ItemRegistered>(_messaging);
        using var http = _receiving.CreateClient();
        var seller = _receiving.ClientFor("ready-seller");
        Assert.That(await StatusAsync(http, Probes.ReadyPath), Is.EqualTo(HttpStatusCode.OK), "ready before");

        string fnsku;
        await TestInfrastructure.StopBrokerAsync();
        try
        {
            // The bus has noticed: /health tells operators (MassTransit reports a lost broker as Degraded, still a 200), and
            // readiness does not follow.
            await Eventually.Until(
                () => HealthAsync(http),
                health => health != "Healthy",
                TimeSpan.FromSeconds(60),
                "/health reporting the bus"
            );
            Assert.That(await StatusAsync(http, Probes.ReadyPath), Is.EqualTo(HttpStatusCode.OK), "ready with the broker away");
            Assert.That(await StatusAsync(http, Probes.AlivePath), Is.EqualTo(HttpStatusCode.OK), "alive with the broker away");

            fnsku = await PlatformApi.RegisterItemAsync(seller, "READY-SKU-1");

            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.That(await UnsentAsync(), Is.EqualTo(1), "the event waits in the outbox");
            Assert.That(await StatusAsync(http, Probes.ReadyPath), Is.EqualTo(HttpStatusCode.OK), "still ready after the write");
        }
        finally
        {
            await TestInfrastructure.StartBrokerAsync();
        }

        var published = await registered.WaitAsync(TimeSpan.FromSeconds(120), "ItemRegistered published after the broker returned");
        var item = PlatformJson.OutboxBody<ItemRegistered>(published.Message);
        Assert.That((item.Fnsku, item.SellerSku, item.SellerId), Is.EqualTo((fnsku, "READY-SKU-1", "ready-seller")));
        Assert.That(
            published.MessageId,
            Is.EqualTo(
                await TestInfrastructure.ScalarAsync<Guid>(
                    DatabaseProvider.Postgres,
                    _database,
                    "SELECT id FROM receiving.outbox WHERE message_type LIKE '%ItemRegistered%' AND body LIKE '%READY-SKU-1%'"
                )
            ),
            "the outbox row's id travels as the MessageId"
        );
        Assert.That(await UnsentAsync(), Is.Zero);
        await Eventually.Until(() => HealthAsync(http), health => health == "Healthy", TimeSpan.FromSeconds(60), "/health green again");
    }

    [Test]
    public async Task A_replica_started_while_the_broker_is_away_becomes_ready_and_takes_writes()
    {
        var registered = await BoundQueue.DeclareAsync<ItemRegistered>(_messaging);
        string fnsku;
        await TestInfrastructure.StopBrokerAsync();
        try
        {
            await using var replica = new ServiceHost<ReceivingMarker>(DatabaseProvider.Postgres, _database, _messaging);
            using var http = replica.CreateClient();

            // Its bus never connected: unhealthy for operators, which readiness on /health turned into a pod never in rotation.
            Assert.That(await StatusAsync(http, Probes.ReadyPath), Is.EqualTo(HttpStatusCode.OK), "ready");
            Assert.That(await StatusAsync(http, Probes.HealthPath), Is.EqualTo(HttpStatusCode.ServiceUnavailable), "/health");
            fnsku = await PlatformApi.RegisterItemAsync(replica.ClientFor("late-seller"), "LATE-SKU-1");
        }
        finally
        {
            await TestInfrastructure.StartBrokerAsync();
        }

        // The replica is gone; the one that stayed up publishes its row once the broker is back.
        var published = await registered.WaitAsync(TimeSpan.FromSeconds(120), "ItemRegistered published after the broker returned");
        Assert.That(PlatformJson.OutboxBody<ItemRegistered>(published.Message).Fnsku, Is.EqualTo(fnsku));
    }

    private static async Task<string> HealthAsync(HttpClient http) =>
        await (await http.GetAsync(Probes.HealthPath)).Content.ReadAsStringAsync();

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path) => (await http.GetAsync(path)).StatusCode;

    private Task<int> UnsentAsync() =>
        TestInfrastructure.ScalarAsync<int>(
            DatabaseProvider.Postgres,
            _database,
            "SELECT COUNT(*) FROM receiving.outbox WHERE sent_at IS NULL AND message_type LIKE '%ItemRegistered%' "
                + "AND body LIKE '%READY-SKU-1%'"
        );
}

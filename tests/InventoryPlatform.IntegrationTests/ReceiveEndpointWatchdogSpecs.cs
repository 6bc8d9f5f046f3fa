using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using AllocationMarker = InventoryPlatform.Allocation.Data.StockRepository;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// A receive endpoint that stops consuming while the broker is up is restarted by the service's watchdog, which asks the
/// broker whether anyone consumes the queue. The test silences Allocation's units-received endpoint itself, the way a
/// stuck reconnection leaves it: the queue without a consumer, MassTransit not trying again.
/// </summary>
[NonParallelizable]
public sealed class ReceiveEndpointWatchdogSpecs
{
    private const string Queue = "allocation-units-received";
    private ServiceHost<AllocationMarker> _allocation = null!;
    private IBusControl _bus = null!;
    private string _messaging = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "watchdog");
        _messaging = await TestInfrastructure.CreateVirtualHostAsync("watchdog");
        _allocation = new ServiceHost<AllocationMarker>(DatabaseProvider.Postgres, database, _messaging, web =>
        {
            web.UseSetting("Messaging:Watchdog:Interval", "00:00:01");
            web.UseSetting("Messaging:Watchdog:StallAfter", "00:00:03");
            web.UseSetting("Messaging:Watchdog:StopTimeout", "00:00:01");
            web.UseSetting("Messaging:Watchdog:WedgedAfter", "00:00:00");
        });
        _allocation.CreateClient().Dispose();
        await Eventually.Until(
            () => TestInfrastructure.QueueHasConsumerAsync(_messaging, Queue),
            consuming => consuming,
            TimeSpan.FromSeconds(30),
            Queue
        );
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(_messaging)));
        await _bus.StartAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        if (_allocation is not null)
        {
            await _allocation.DisposeAsync();
        }
    }

    [Test]
    public async Task An_endpoint_that_stopped_consuming_is_restarted_and_its_messages_are_applied()
    {
        var endpoint = _allocation
            .Services.GetRequiredService<IBusControl>()
            .CheckHealth()
            .Endpoints.Values.Single(e => e.InputAddress.AbsolutePath.EndsWith($"/{Queue}", StringComparison.Ordinal))
            .ReceiveEndpoint;
        await endpoint.Stop();
        Assert.That(await ConsumersNowAsync(), Is.Zero, "the queue without a consumer");

        var seller = "watchdog-seller";
        await _bus.Publish(TestEvents.UnitsReceived(seller, "SEA1", "X0WATCH001", 5));

        var stock = await Eventually.Until(
            () => PlatformApi.StockAsync(_allocation.ClientFor(seller), "X0WATCH001", "SEA1"),
            s => s.OnHand == 5,
            TimeSpan.FromSeconds(30),
            "the receipt applied once the watchdog restarted the endpoint"
        );
        Assert.That(stock, Is.EqualTo((5, 0)));
        Assert.That(await ConsumersNowAsync(), Is.EqualTo(1), "the queue's consumer back");
    }

    [Test]
    public async Task The_service_asks_the_broker_for_a_ten_second_heartbeat()
    {
        // The watchdog's own connection keeps RabbitMQ.Client's 60 s default: the figures are what each client asked for.
        var heartbeats = await Eventually.Until(
            () => TestInfrastructure.ConnectionHeartbeatsAsync(_messaging),
            c => c.Any(h => h.Name == "endpoint-watchdog") && c.Any(h => h.Name != "endpoint-watchdog"),
            TimeSpan.FromSeconds(15),
            "the service's and the watchdog's connections in the management API"
        );
        Assert.That(heartbeats.Where(h => h.Name == "endpoint-watchdog").Select(h => h.Heartbeat), Is.All.EqualTo(60));
        Assert.That(heartbeats.Where(h => h.Name != "endpoint-watchdog").Select(h => h.Heartbeat), Does.Contain(10));
    }

    [Test]
    public async Task The_watchdog_is_part_of_the_service_liveness()
    {
        var health = _allocation.Services.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync(check => check.Tags.Contains("live"));
        Assert.That(report.Entries.Keys, Does.Contain(ReceiveEndpointLiveness.Name));
        Assert.That(report.Entries[ReceiveEndpointLiveness.Name].Status, Is.EqualTo(HealthStatus.Healthy));
    }

    [Test]
    public async Task A_hung_endpoint_restart_makes_the_service_answer_not_alive_until_it_finishes()
    {
        using var http = _allocation.CreateClient();
        Assert.That((int)(await http.GetAsync("/alive")).StatusCode, Is.EqualTo(200), "alive before");

        // The watchdog's own restart bookkeeping, as a stop on a dead channel leaves it.
        var stop = new TaskCompletionSource();
        await _allocation
            .Services.GetRequiredService<EndpointRestarts>()
            .RestartAsync("watchdog-spec-hung", _ => stop.Task, CancellationToken.None);
        try
        {
            Assert.That((int)(await http.GetAsync("/alive")).StatusCode, Is.EqualTo(503), "not alive while the restart hangs");
        }
        finally
        {
            stop.SetResult();
        }

        Assert.That((int)(await http.GetAsync("/alive")).StatusCode, Is.EqualTo(200), "alive once it finished");
    }

    /// <summary>The broker's own count (the management API's figures lag by seconds, the watchdog acts within three).</summary>
    private async Task<uint> ConsumersNowAsync()
    {
        await using var connection = await new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(_messaging) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(Queue)).ConsumerCount;
    }
}

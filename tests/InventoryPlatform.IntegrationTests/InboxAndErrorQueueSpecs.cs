using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using MassTransit;

namespace InventoryPlatform.IntegrationTests;

/// <summary>Allocation's consumer of UnitsReceived under redelivery and under a message it cannot apply.</summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class InboxAndErrorQueueSpecs(DatabaseProvider provider)
{
    private PlatformServices _services = null!;
    private IBusControl _bus = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _services = await PlatformServices.StartAsync(provider, "inbox");
        _bus = await _services.StartTestBusAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Test]
    public async Task The_same_message_delivered_many_times_changes_the_ledger_once()
    {
        var seller = "inbox-seller-1";
        var message = Received(seller, "X0INBOX001", quantity: 7);
        var messageId = Guid.NewGuid();

        var acked = await TestInfrastructure.SettledQueueAcksAsync(_services.Messaging, "allocation-units-received");
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _bus.Publish(message, context => context.MessageId = messageId)));
        await _bus.Publish(message, context => context.MessageId = messageId);

        var allocation = _services.Allocation.ClientFor(seller);
        await Eventually.Until(
            () => PlatformApi.StockAsync(allocation, "X0INBOX001", "SEA1"),
            s => s.OnHand == 7,
            TimeSpan.FromSeconds(30),
            "7 on hand"
        );
        // All six deliveries consumed (acknowledged), not just the first.
        await Eventually.Until(
            () => TestInfrastructure.QueueAcksAsync(_services.Messaging, "allocation-units-received"),
            n => n >= acked + 6,
            TimeSpan.FromSeconds(30),
            "all six deliveries consumed"
        );

        Assert.That(await PlatformApi.StockAsync(allocation, "X0INBOX001", "SEA1"), Is.EqualTo((7, 0)));
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM allocation.stock_movements WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(1)
        );
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM allocation.inbox WHERE message_id = @messageId", new { messageId }),
            Is.EqualTo(1)
        );
    }

    [Test]
    public async Task Distinct_messages_with_the_same_content_each_count()
    {
        var seller = "inbox-seller-2";

        await _bus.Publish(Received(seller, "X0INBOX002", quantity: 2));
        await _bus.Publish(Received(seller, "X0INBOX002", quantity: 2));

        var allocation = _services.Allocation.ClientFor(seller);
        var stock = await Eventually.Until(
            () => PlatformApi.StockAsync(allocation, "X0INBOX002", "SEA1"),
            s => s.OnHand == 4,
            TimeSpan.FromSeconds(30),
            "4 on hand"
        );
        Assert.That(stock.OnHand, Is.EqualTo(4));
    }

    [Test]
    public async Task A_message_the_consumer_keeps_failing_on_goes_to_the_error_queue_and_the_rest_flows_on()
    {
        var seller = "inbox-seller-3";
        var poison = Received(seller, "X0POISON01", quantity: -3);

        await _bus.Publish(poison);
        await _bus.Publish(Received(seller, "X0HEALTHY1", quantity: 5));

        var allocation = _services.Allocation.ClientFor(seller);
        await Eventually.Until(
            () => PlatformApi.StockAsync(allocation, "X0HEALTHY1", "SEA1"),
            s => s.OnHand == 5,
            TimeSpan.FromSeconds(30),
            "the healthy message applied"
        );
        var depth = await Eventually.Until(
            () => TestInfrastructure.QueueDepthAsync(_services.Messaging, "allocation-units-received_error"),
            d => d == 1,
            TimeSpan.FromSeconds(60),
            "the poison message on the error queue"
        );
        Assert.That(depth, Is.EqualTo(1));
        Assert.That(
            await PlatformApi.StockAsync(allocation, "X0POISON01", "SEA1"),
            Is.EqualTo((0, 0)),
            "the failed message changed nothing"
        );
    }

    private static UnitsReceived Received(string seller, string fnsku, int quantity) =>
        TestEvents.UnitsReceived(seller, "SEA1", fnsku, quantity);
}

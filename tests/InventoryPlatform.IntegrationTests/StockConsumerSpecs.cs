using System.Net.Http.Json;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using MassTransit;

namespace InventoryPlatform.IntegrationTests;

/// <summary>Returns and removals reach the ledger through the inbox: once per message, never below zero.</summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class StockConsumerSpecs(DatabaseProvider provider)
{
    private PlatformServices _services = null!;
    private IBusControl _bus = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _services = await PlatformServices.StartAsync(provider, "consumers");
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

    [TearDown]
    public Task The_journal_and_the_balances_agree_after_every_scenario() => LedgerAudit.AssertJournalAgreesWithBalancesAsync(_services);

    [Test]
    public async Task A_restocked_return_delivered_many_times_goes_back_on_hand_once()
    {
        var seller = "returns-restock";
        var restocked = new ReturnRestocked(
            Guid.NewGuid(),
            DateTimeOffset.UtcNow,
            seller,
            Guid.NewGuid(),
            Guid.NewGuid(),
            "X0RESTOCK1",
            "LTN1",
            3
        );
        var messageId = Guid.NewGuid();

        var acked = await TestInfrastructure.SettledQueueAcksAsync(_services.Messaging, "allocation-return-restocked");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _bus.Publish(restocked, c => c.MessageId = messageId)));

        // All four deliveries consumed (acknowledged), not just the first.
        await Eventually.Until(
            () => TestInfrastructure.QueueAcksAsync(_services.Messaging, "allocation-return-restocked"),
            n => n >= acked + 4,
            TimeSpan.FromSeconds(30),
            "all four deliveries consumed"
        );
        Assert.That(await StockAsync(seller, "X0RESTOCK1", "LTN1"), Is.EqualTo((3, 0)));
        Assert.That(await MovementsAsync(seller, "ReturnRestocked"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_unsellable_return_becomes_unfulfillable_stock_that_orders_cannot_take()
    {
        var seller = "returns-unsellable";
        await _bus.Publish(
            new UnsellableReturnReceived(
                Guid.NewGuid(),
                DateTimeOffset.UtcNow,
                seller,
                Guid.NewGuid(),
                Guid.NewGuid(),
                "X0UNSELL01",
                "FRA3",
                2,
                ReturnGrade.CustomerDamaged
            )
        );

        var stock = await Eventually.Until(
            () => StockAsync(seller, "X0UNSELL01", "FRA3"),
            s => s.Unfulfillable == 2,
            TimeSpan.FromSeconds(30),
            "2 unfulfillable"
        );
        Assert.That(stock.OnHand, Is.EqualTo(0));
        var order = await _services
            .Allocation.ClientFor(seller)
            .PostAsJsonAsync(
                "/api/allocation/v1/orders",
                FulfillmentOrderSpecs.Order("X0UNSELL01", 1, "backorder", marketplace: "DE", region: "DE", currency: "EUR")
            );
        Assert.That((await order.ReadAsync<OrderResponse>()).Status, Is.EqualTo(OrderStatus.Backordered));
    }

    [Test]
    public async Task Removed_units_leave_on_hand_or_unfulfillable_as_the_removal_says()
    {
        var seller = "removals";
        await _bus.Publish(TestEvents.UnitsReceived(seller, "MUC1", "X0REMOVE01", 10));
        await _bus.Publish(TestEvents.UnitsReceived(seller, "MUC1", "X0REMOVE01", 4, condition: UnitCondition.Damaged));
        await Eventually.Until(
            () => StockAsync(seller, "X0REMOVE01", "MUC1"),
            s => s == (10, 4),
            TimeSpan.FromSeconds(30),
            "10 on hand, 4 unfulfillable"
        );

        await _bus.Publish(Removed(seller, "X0REMOVE01", "MUC1", 3, fromUnfulfillable: true, RemovalReason.Disposed));
        await _bus.Publish(Removed(seller, "X0REMOVE01", "MUC1", 6, fromUnfulfillable: false, RemovalReason.Liquidated));

        var stock = await Eventually.Until(
            () => StockAsync(seller, "X0REMOVE01", "MUC1"),
            s => s == (4, 1),
            TimeSpan.FromSeconds(30),
            "4 on hand, 1 unfulfillable"
        );
        Assert.That(stock, Is.EqualTo((4, 1)));
    }

    [Test]
    public async Task Removing_units_that_are_promised_to_orders_is_refused_and_kept_on_the_error_queue()
    {
        var seller = "removals-reserved";
        await _bus.Publish(TestEvents.UnitsReceived(seller, "SEA1", "X0REMOVE02", 5));
        await Eventually.Until(() => StockAsync(seller, "X0REMOVE02", "SEA1"), s => s.OnHand == 5, TimeSpan.FromSeconds(30), "5 on hand");
        await FulfillmentOrderSpecs.CreateAsync(
            _services.Allocation.ClientFor(seller),
            FulfillmentOrderSpecs.Order("X0REMOVE02", 4, "reject")
        );

        await _bus.Publish(Removed(seller, "X0REMOVE02", "SEA1", 2, fromUnfulfillable: false, RemovalReason.RemovedToSeller));

        await Eventually.Until(
            () => TestInfrastructure.QueueDepthAsync(_services.Messaging, "allocation-inventory-removed_error"),
            d => d == 1,
            TimeSpan.FromSeconds(60),
            "the refused removal on the error queue"
        );
        var stock = await FulfillmentOrderSpecs.StockAsync(_services.Allocation.ClientFor(seller), "X0REMOVE02", "SEA1");
        Assert.That(stock, Is.EqualTo(new FulfillmentOrderSpecs.Stock(5, 4, 1)), "the reservation still holds; nothing was removed");
    }

    private static InventoryRemoved Removed(
        string seller,
        string fnsku,
        string fc,
        int quantity,
        bool fromUnfulfillable,
        RemovalReason reason
    ) => new(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), Guid.NewGuid(), fnsku, fc, quantity, fromUnfulfillable, reason);

    private Task<(int OnHand, int Unfulfillable)> StockAsync(string seller, string fnsku, string fc) =>
        PlatformApi.StockAsync(_services.Allocation.ClientFor(seller), fnsku, fc);

    private Task<int> MovementsAsync(string seller, string reason) =>
        _services.ScalarAsync<int>(
            "SELECT COUNT(*) FROM allocation.stock_movements WHERE seller_id = @seller AND reason = @reason",
            new { seller, reason }
        );
}

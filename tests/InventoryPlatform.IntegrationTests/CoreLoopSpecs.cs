using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Api;
using InventoryPlatform.Liquidation.Domain;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 22, points 1 and 2 and the removal hold, through the gateway with every service running: an ASN's units are inbound
/// until scanned or the shipment ends; stock that arrives fills backorders, oldest first; a removal order holds its units.
/// Each test is a seller of its own, so its backorders and figures are its own.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    private static readonly TimeSpan CoreWait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Loop_Core_AsnShippedThenReceivedInTwoBatches()
    {
        var seller = CoreSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        var fnsku = await PlatformApi.RegisterItemAsync(partner, CoreSku());
        var shipment = await CreateShipmentAsync(partner, "SEA1", (fnsku, 20));

        await PostAsync(partner, $"/api/receiving/v1/shipments/{shipment}/ship", null);
        var shipped = await CoreStockUntilAsync(partner, fnsku, "SEA1", s => s.Inbound == 20, "20 inbound once the ASN shipped");
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "asn-a", 12));
        var first = await CoreStockUntilAsync(partner, fnsku, "SEA1", s => s.OnHand == 12, "the first 12 units on hand");
        var betweenBatches = DateTime.UtcNow;
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "asn-b", 8));
        var second = await CoreStockUntilAsync(partner, fnsku, "SEA1", s => s.OnHand == 20, "all 20 units on hand");

        Assert.That((shipped.Inbound, shipped.OnHand, shipped.Available), Is.EqualTo((20, 0, 0)));
        Assert.That((first.Inbound, first.OnHand, first.Available), Is.EqualTo((8, 12, 12)));
        Assert.That((second.Inbound, second.OnHand, second.Available), Is.EqualTo((0, 20, 20)));
        // The journal rebuilds the positions as they stood between the batches.
        var asOf = await GetAsync<Page<StockResponse>>(
            partner,
            $"/api/allocation/v1/stock?fnsku={fnsku}&asOf={betweenBatches:yyyy-MM-ddTHH:mm:ss.fffZ}"
        );
        Assert.That(asOf.Items.Select(s => (s.FulfillmentCenter, s.Inbound, s.OnHand)), Is.EqualTo(new[] { ("SEA1", 8, 12) }));
        await LedgerAudit.AssertJournalAgreesWithBalancesAsync(_database);
    }

    [Test]
    public async Task Loop_Core_AsnCancelledOrClosedClearsInbound()
    {
        var seller = CoreSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        var fnsku = await PlatformApi.RegisterItemAsync(partner, CoreSku());
        var cancelled = await CreateShipmentAsync(partner, "EWR9", (fnsku, 10));
        var closed = await CreateShipmentAsync(partner, "EWR9", (fnsku, 7));

        await PostAsync(partner, $"/api/receiving/v1/shipments/{cancelled}/ship", null);
        await PostAsync(partner, $"/api/receiving/v1/shipments/{closed}/ship", null);
        var both = await CoreStockUntilAsync(partner, fnsku, "EWR9", s => s.Inbound == 17, "both ASNs inbound");
        await PostAsync(partner, $"/api/receiving/v1/shipments/{cancelled}/cancel", null);
        var afterCancel = await CoreStockUntilAsync(partner, fnsku, "EWR9", s => s.Inbound == 7, "the cancelled ASN no longer inbound");
        // 4 of the 7 arrive; the close clears the other 3.
        await PlatformApi.ScanAsync(partner, closed, fnsku, Units(seller, "close", 4));
        var scanned = await CoreStockUntilAsync(partner, fnsku, "EWR9", s => s.OnHand == 4, "4 units received");
        await PostAsync(partner, $"/api/receiving/v1/shipments/{closed}/close", null);
        var afterClose = await CoreStockUntilAsync(partner, fnsku, "EWR9", s => s.Inbound == 0, "the closed ASN's shortage cleared");

        Assert.That(both.Inbound, Is.EqualTo(17));
        Assert.That((afterCancel.Inbound, afterCancel.OnHand), Is.EqualTo((7, 0)));
        Assert.That((scanned.Inbound, scanned.OnHand), Is.EqualTo((3, 4)));
        Assert.That((afterClose.Inbound, afterClose.OnHand, afterClose.Available), Is.EqualTo((0, 4, 4)));
        var journal = await CoreJournalAsync(seller, fnsku);
        Assert.That(
            journal.Where(m => m.Bucket == nameof(StockBucket.Inbound)).Select(m => (m.Reason, m.Quantity)),
            Is.EquivalentTo(
                new[] { ("InboundShipped", 10), ("InboundShipped", 7), ("InboundCancelled", -10), ("Received", -4), ("InboundClosed", -3) }
            )
        );
    }

    [Test]
    public async Task Loop_Core_BackorderOnEmptyStockIsAllocatedAfterAReceipt()
    {
        var seller = CoreSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        var fnsku = await PlatformApi.RegisterItemAsync(partner, CoreSku());
        var order = await CoreOrderAsync(partner, "US-West", fnsku, 5);
        Assert.That((order.Status, order.Lines[0].Backordered), Is.EqualTo((OrderStatus.Backordered, 5)));

        var shipment = await CreateShipmentAsync(partner, "SEA1", (fnsku, 8));
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "fill", 8));

        var filled = await CoreOrderUntilAsync(partner, order.Id, o => o.Status != OrderStatus.Backordered, "the backorder filled");
        Assert.That((filled.Status, filled.Lines[0].Allocated, filled.Lines[0].Backordered), Is.EqualTo((OrderStatus.Allocated, 5, 0)));
        Assert.That(filled.Lines[0].Allocations.Select(a => (a.FulfillmentCenter, a.Quantity)), Is.EqualTo(new[] { ("SEA1", 5) }));
        var stock = await CoreStockAsync(partner, fnsku, "SEA1");
        Assert.That((stock!.OnHand, stock.Reserved, stock.Available), Is.EqualTo((8, 5, 3)));

        // Cancelling the once-backordered order still releases what it now holds.
        await PostAsync(partner, $"/api/allocation/v1/orders/{order.Id}/cancel", new { reason = "changed my mind" });
        var released = await CoreStockAsync(partner, fnsku, "SEA1");
        Assert.That((released!.OnHand, released.Reserved, released.Available), Is.EqualTo((8, 0, 8)));
        await LedgerAudit.AssertJournalAgreesWithBalancesAsync(_database);
    }

    [Test]
    public async Task Loop_Core_BackorderFilledByATransfersArrival()
    {
        var seller = CoreSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        var fnsku = await PlatformApi.RegisterItemAsync(partner, CoreSku());
        var shipment = await CreateShipmentAsync(partner, "SEA1", (fnsku, 8));
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "xfer", 8));
        await CoreStockUntilAsync(partner, fnsku, "SEA1", s => s.OnHand == 8, "8 on hand at SEA1");
        var transfer = await (
            await PostAsync(
                partner,
                "/api/allocation/v1/transfers",
                new
                {
                    fnsku,
                    fromFulfillmentCenter = "SEA1",
                    toFulfillmentCenter = "EWR9",
                    quantity = 3,
                }
            )
        ).ReadAsync<TransferResponse>();
        var west = await CoreOrderAsync(partner, "US-West", fnsku, 5);
        var east = await CoreOrderAsync(partner, "US-Northeast", fnsku, 3);
        Assert.That(west.Status, Is.EqualTo(OrderStatus.Allocated));
        Assert.That((east.Status, east.Lines[0].Backordered), Is.EqualTo((OrderStatus.Backordered, 3)));
        var inTransit = await CoreStockAsync(partner, fnsku, "EWR9");
        Assert.That((inTransit!.InTransit, inTransit.OnHand), Is.EqualTo((3, 0)));

        await PostAsync(partner, $"/api/allocation/v1/transfers/{transfer.Id}/receive", null);

        // The transfer's arrival fills the backorder in its own transaction: no waiting.
        var filled = await GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{east.Id}");
        Assert.That((filled.Status, filled.Lines[0].Backordered), Is.EqualTo((OrderStatus.Allocated, 0)));
        Assert.That(filled.Lines[0].Allocations.Select(a => (a.FulfillmentCenter, a.Quantity)), Is.EqualTo(new[] { ("EWR9", 3) }));
        var arrived = await CoreStockAsync(partner, fnsku, "EWR9");
        Assert.That((arrived!.InTransit, arrived.OnHand, arrived.Reserved, arrived.Available), Is.EqualTo((0, 3, 3, 0)));
    }

    [Test]
    public async Task Loop_Core_TwoBackordersFilledOldestFirstWhenOnlyOneFits()
    {
        var seller = CoreSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        var fnsku = await PlatformApi.RegisterItemAsync(partner, CoreSku());
        var older = await CoreOrderAsync(partner, "US-West", fnsku, 4);
        var newer = await CoreOrderAsync(partner, "US-West", fnsku, 3);

        var shipment = await CreateShipmentAsync(partner, "SEA1", (fnsku, 4));
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "oldest", 4));

        var first = await CoreOrderUntilAsync(partner, older.Id, o => o.Status != OrderStatus.Backordered, "the older backorder filled");
        var second = await GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{newer.Id}");
        Assert.That((first.Status, first.Lines[0].Allocated), Is.EqualTo((OrderStatus.Allocated, 4)));
        Assert.That((second.Status, second.Lines[0].Allocated, second.Lines[0].Backordered), Is.EqualTo((OrderStatus.Backordered, 0, 3)));
        var stock = await CoreStockAsync(partner, fnsku, "SEA1");
        Assert.That((stock!.OnHand, stock.Reserved, stock.Available), Is.EqualTo((4, 4, 0)));

        // Two more units: the newer order takes them and waits for one more.
        var more = await CreateShipmentAsync(partner, "SEA1", (fnsku, 2));
        await PlatformApi.ScanAsync(partner, more, fnsku, Units(seller, "newer", 2));
        var partly = await CoreOrderUntilAsync(
            partner,
            newer.Id,
            o => o.Status != OrderStatus.Backordered,
            "the newer order partly filled"
        );
        Assert.That(
            (partly.Status, partly.Lines[0].Allocated, partly.Lines[0].Backordered),
            Is.EqualTo((OrderStatus.PartiallyAllocated, 2, 1))
        );
    }

    [Test]
    public async Task Loop_Core_RemovalOrderHoldsItsUnitsUntilCancelledOrCompleted()
    {
        var seller = CoreSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        var kept = await PlatformApi.RegisterItemAsync(partner, CoreSku());
        var removed = await PlatformApi.RegisterItemAsync(partner, CoreSku());
        var shipment = await CreateShipmentAsync(partner, "EWR9", (kept, 6), (removed, 5));
        await PlatformApi.ScanAsync(partner, shipment, kept, Units(seller, "kept", 6));
        await PlatformApi.ScanAsync(partner, shipment, removed, Units(seller, "removed", 5));
        await CoreStockUntilAsync(partner, kept, "EWR9", s => s.OnHand == 6, "6 on hand");
        await CoreStockUntilAsync(partner, removed, "EWR9", s => s.OnHand == 5, "5 on hand");
        // Liquidation's clock runs 200 days ahead: both items never sold and are aged dead stock there.
        await Eventually.Until(
            async () => (await GetAsync<Page<ExcessRow>>(partner, "/api/liquidation/v1/excess")).Items.ToDictionary(r => r.Fnsku),
            rows =>
                rows.TryGetValue(kept, out var k)
                && k is { ItemRegistered: true, SellableUnits: 6 }
                && rows.TryGetValue(removed, out var r)
                && r is { ItemRegistered: true, SellableUnits: 5 },
            CoreWait,
            "Liquidation holding both items"
        );
        await PutAsync(
            partner,
            "/api/liquidation/v1/policy",
            new
            {
                mode = "automatic",
                maxMarkdownPercent = 20,
                minAgeDays = 180,
            }
        );
        var recommendations = await (await PostAsync(partner, "/api/liquidation/v1/recommendations/recompute", null)).ReadAsync<
            List<RecommendationResponse>
        >();
        Guid OrderFor(string fnsku) =>
            recommendations.SingleOrDefault(r => r.Fnsku == fnsku && r.StockKind == StockKind.Sellable && r.OrderId is not null)?.OrderId
            ?? throw new AssertionException($"No removal order for {fnsku}: {string.Join(", ", recommendations)}");
        var keptOrder = OrderFor(kept);
        var removedOrder = OrderFor(removed);

        // While the orders are open their units are held: on hand, not available, and an order for them backorders.
        var held = await CoreStockUntilAsync(partner, kept, "EWR9", s => s.PendingRemoval == 6, "the 6 units held");
        Assert.That((held.OnHand, held.PendingRemoval, held.Available), Is.EqualTo((6, 6, 0)));
        var order = await CoreOrderAsync(partner, "US-Northeast", kept, 2);
        Assert.That((order.Status, order.Lines[0].Backordered), Is.EqualTo((OrderStatus.Backordered, 2)));

        // Cancelled: the hold is released and the backorder takes its units.
        await PostAsync(partner, $"/api/liquidation/v1/orders/{keptOrder}/cancel", new { reason = "keep selling" });
        var released = await CoreStockUntilAsync(partner, kept, "EWR9", s => s.PendingRemoval == 0, "the hold released");
        Assert.That((released.OnHand, released.Reserved, released.PendingRemoval, released.Available), Is.EqualTo((6, 2, 0, 4)));
        var filled = await GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{order.Id}");
        Assert.That((filled.Status, filled.Lines[0].Allocated), Is.EqualTo((OrderStatus.Allocated, 2)));

        // Completed: the held units leave the ledger.
        var holding = await CoreStockUntilAsync(partner, removed, "EWR9", s => s.PendingRemoval == 5, "the 5 units held");
        Assert.That(holding.Available, Is.Zero);
        await PostAsync(partner, $"/api/liquidation/v1/orders/{removedOrder}/start", null);
        await PostAsync(partner, $"/api/liquidation/v1/orders/{removedOrder}/complete", null);
        var gone = await CoreStockUntilAsync(partner, removed, "EWR9", s => s.OnHand == 0, "the removed units off the ledger");
        Assert.That((gone.OnHand, gone.PendingRemoval, gone.Available), Is.EqualTo((0, 0, 0)));
        var journal = await CoreJournalAsync(seller, removed);
        Assert.That(
            journal.Where(m => m.Bucket == nameof(StockBucket.PendingRemoval)).Select(m => (m.Reason, m.Quantity)),
            Is.EqualTo(new[] { ("RemovalHeld", 5), ("RemovedLiquidated", -5) })
        );
        await LedgerAudit.AssertJournalAgreesWithBalancesAsync(_database);
    }

    private static string CoreSeller() => $"core-{Guid.NewGuid():N}"[..20];

    private static string CoreSku() => $"CORE-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

    private static async Task<StockResponse?> CoreStockAsync(HttpClient partner, string fnsku, string center) =>
        (
            await GetAsync<Page<StockResponse>>(partner, $"/api/allocation/v1/stock?fnsku={fnsku}&fulfillmentCenter={center}")
        ).Items.SingleOrDefault();

    private static async Task<StockResponse> CoreStockUntilAsync(
        HttpClient partner,
        string fnsku,
        string center,
        Func<StockResponse, bool> done,
        string what
    ) => (await Eventually.Until(() => CoreStockAsync(partner, fnsku, center), s => s is not null && done(s), CoreWait, what))!;

    private static async Task<OrderResponse> CoreOrderAsync(HttpClient partner, string region, string fnsku, int quantity)
    {
        var response = await PostAsync(
            partner,
            "/api/allocation/v1/orders",
            new
            {
                marketplace = "US",
                shipToRegion = region,
                lines = new[]
                {
                    new
                    {
                        fnsku,
                        quantity,
                        unitPrice = new { amount = 14.99, currency = "USD" },
                    },
                },
            }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return await response.ReadAsync<OrderResponse>();
    }

    private static Task<OrderResponse> CoreOrderUntilAsync(HttpClient partner, Guid id, Func<OrderResponse, bool> done, string what) =>
        Eventually.Until(() => GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{id}"), done, CoreWait, what);

    private Task<IReadOnlyList<CoreMovement>> CoreJournalAsync(string seller, string fnsku) =>
        TestInfrastructure.QueryAsync<CoreMovement>(
            Data.DatabaseProvider.Postgres,
            _database,
            "SELECT bucket, quantity, reason FROM allocation.stock_movements WHERE seller_id = @Seller AND fnsku = @Fnsku "
                + "ORDER BY occurred_at, id",
            new { Seller = seller, Fnsku = fnsku }
        );

    private sealed record CoreMovement(string Bucket, int Quantity, string Reason);
}

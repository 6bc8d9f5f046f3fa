using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Api;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Receiving.Api;
using InventoryPlatform.Returns.Api;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 22, the last gaps, through the gateway with every service running: a cancelled order's units fill the oldest
/// backorders; shipping part of a partly backordered order keeps the rest owed until stock fills and ships it; read filters
/// naming a code the network does not hold are refused; bins free their space when units transfer out, are removed or are
/// counted missing. Each test is a seller of its own.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    // A 20 × 15 × 10 cm item is 0.105944 ft³; a bin's used volume is kept to four places.
    private const decimal GapsBinCapacity = 2.0m;

    private static readonly JsonSerializerOptions GapsEventJson = new(JsonSerializerDefaults.Web);

    [Test]
    public async Task Loop_Gaps_cancelling_an_allocated_order_fills_the_oldest_backorders_of_its_fnsku()
    {
        var seller = GapsSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        var fnsku = await PlatformApi.RegisterItemAsync(partner, GapsSku());
        var shipment = await CreateShipmentAsync(partner, "SEA1", (fnsku, 5));
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "cancel", 5));
        await CoreStockUntilAsync(partner, fnsku, "SEA1", s => s.OnHand == 5, "5 on hand at SEA1");
        var first = await CoreOrderAsync(partner, "US-West", fnsku, 5);
        var older = await CoreOrderAsync(partner, "US-West", fnsku, 3);
        var newer = await CoreOrderAsync(partner, "US-West", fnsku, 4);
        Assert.That((first.Status, first.Lines[0].Allocated), Is.EqualTo((OrderStatus.Allocated, 5)), "the last units taken");
        Assert.That((older.Status, older.Lines[0].Backordered), Is.EqualTo((OrderStatus.Backordered, 3)));
        Assert.That((newer.Status, newer.Lines[0].Backordered), Is.EqualTo((OrderStatus.Backordered, 4)));

        var cancelled = await (
            await PostAsync(partner, $"/api/allocation/v1/orders/{first.Id}/cancel", new { reason = "customer cancelled" })
        ).ReadAsync<OrderResponse>();

        Assert.That(cancelled.Status, Is.EqualTo(OrderStatus.Cancelled));
        // In the cancel's own transaction, oldest first: the older order takes 3 of the 5 released units, the newer the other 2.
        var filled = await GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{older.Id}");
        Assert.That(
            (filled.Status, filled.Lines[0].Allocated, filled.Lines[0].Backordered),
            Is.EqualTo((OrderStatus.Allocated, 3, 0))
        );
        Assert.That(filled.Lines[0].Allocations.Select(a => (a.FulfillmentCenter, a.Quantity)), Is.EqualTo(new[] { ("SEA1", 3) }));
        var partly = await GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{newer.Id}");
        Assert.That(
            (partly.Status, partly.Lines[0].Allocated, partly.Lines[0].Backordered),
            Is.EqualTo((OrderStatus.PartiallyAllocated, 2, 2))
        );
        var stock = await CoreStockAsync(partner, fnsku, "SEA1");
        Assert.That((stock!.OnHand, stock.Reserved, stock.Available), Is.EqualTo((5, 5, 0)));
        var journal = await CoreJournalAsync(seller, fnsku);
        Assert.That(
            journal.Where(m => m.Bucket == nameof(StockBucket.Reserved)).Select(m => (m.Reason, m.Quantity)),
            Is.EquivalentTo(new[] { ("Reserved", 5), ("ReservationReleased", -5), ("BackorderFilled", 3), ("BackorderFilled", 2) })
        );
        // The fill is announced as any allocation is: OrderAllocated with the units just reserved and nothing left backordered.
        var announced = await GapsOrderAllocatedAsync(older.Id);
        Assert.That(announced, Has.Count.EqualTo(2), "one OrderAllocated when created (all backordered), one when filled");
        Assert.That(announced[1].Lines, Is.EqualTo(new[] { new AllocatedLine(fnsku, "SEA1", 3) }));
        Assert.That(announced[1].Backordered, Is.Empty);
        await LedgerAudit.AssertJournalAgreesWithBalancesAsync(_database);
    }

    [Test]
    public async Task Loop_Gaps_shipping_part_of_a_partly_backordered_order_keeps_the_rest_owed_until_it_fills_and_ships()
    {
        var seller = GapsSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        var mug = await PlatformApi.RegisterItemAsync(partner, GapsSku());
        var lamp = await PlatformApi.RegisterItemAsync(partner, GapsSku());
        var first = await CreateShipmentAsync(partner, "SEA1", (mug, 3));
        await PlatformApi.ScanAsync(partner, first, mug, Units(seller, "part-a", 3));
        await CoreStockUntilAsync(partner, mug, "SEA1", s => s.OnHand == 3, "3 mugs on hand");
        // Five mugs of which three are in stock, and two lamps of which none is.
        var order = await GapsOrderAsync(partner, "US-West", (mug, 5), (lamp, 2));
        Assert.That(order.Status, Is.EqualTo(OrderStatus.PartiallyAllocated));
        Assert.That(order.Lines.Select(l => (l.Fnsku, l.Allocated, l.Backordered)), Is.EqualTo(new[] { (mug, 3, 2), (lamp, 0, 2) }));

        var shipped = await (
            await PostAsync(partner, $"/api/allocation/v1/orders/{order.Id}/shipments", new { fulfillmentCenter = "SEA1" })
        ).ReadAsync<OrderResponse>();

        Assert.That(shipped.Status, Is.EqualTo(OrderStatus.PartiallyShipped), "4 units are still owed");
        Assert.That(shipped.Lines.Select(l => (l.Fnsku, l.Backordered)), Is.EqualTo(new[] { (mug, 2), (lamp, 2) }));
        var emptied = await CoreStockAsync(partner, mug, "SEA1");
        Assert.That((emptied!.OnHand, emptied.Reserved), Is.EqualTo((0, 0)));

        var second = await CreateShipmentAsync(partner, "SEA1", (mug, 4), (lamp, 2));
        await PlatformApi.ScanAsync(partner, second, mug, Units(seller, "part-b", 4));
        await PlatformApi.ScanAsync(partner, second, lamp, Units(seller, "part-lamp", 2));
        var filled = await CoreOrderUntilAsync(partner, order.Id, o => o.Lines.All(l => l.Backordered == 0), "both backorders filled");

        Assert.That(filled.Status, Is.EqualTo(OrderStatus.PartiallyShipped), "the filled units have not shipped yet");
        Assert.That(
            filled.Lines.Select(l => (l.Fnsku, l.Allocated, l.Backordered)),
            Is.EqualTo(new[] { (mug, 5, 0), (lamp, 2, 0) })
        );
        Assert.That(
            filled.Lines[0].Allocations.Select(a => (a.FulfillmentCenter, a.Quantity, a.ShippedAt is not null)),
            Is.EqualTo(new[] { ("SEA1", 3, true), ("SEA1", 2, false) })
        );
        var mugs = await CoreStockAsync(partner, mug, "SEA1");
        var lamps = await CoreStockAsync(partner, lamp, "SEA1");
        Assert.That((mugs!.OnHand, mugs.Reserved, mugs.Available), Is.EqualTo((4, 2, 2)));
        Assert.That((lamps!.OnHand, lamps.Reserved, lamps.Available), Is.EqualTo((2, 2, 0)));

        var done = await (
            await PostAsync(partner, $"/api/allocation/v1/orders/{order.Id}/shipments", new { fulfillmentCenter = "SEA1" })
        ).ReadAsync<OrderResponse>();

        Assert.That(done.Status, Is.EqualTo(OrderStatus.Shipped));
        Assert.That(done.Lines.SelectMany(l => l.Allocations).All(a => a.ShippedAt is not null), Is.True);
        var after = await CoreStockAsync(partner, mug, "SEA1");
        Assert.That((after!.OnHand, after.Reserved, after.Available), Is.EqualTo((2, 0, 2)));
        Assert.That((await CoreStockAsync(partner, lamp, "SEA1"))!.OnHand, Is.Zero);
        var journal = await CoreJournalAsync(seller, mug);
        Assert.That(
            journal.Where(m => m.Bucket == nameof(StockBucket.Reserved)).Select(m => (m.Reason, m.Quantity)),
            Is.EqualTo(new[] { ("Reserved", 3), ("Shipped", -3), ("BackorderFilled", 2), ("Shipped", -2) })
        );
        // Both shipments reached Returns: all five mugs count as sold.
        var rates = await Eventually.Until(
            async () => (await GetAsync<Page<FnskuReturnRate>>(partner, $"/api/returns/v1/analytics/return-rates?fnsku={mug}")).Items,
            r => r.Count == 1 && r[0].ShippedUnits == 5,
            CoreWait,
            "Returns counting the five mugs shipped"
        );
        Assert.That(rates.Single().ShippedUnits, Is.EqualTo(5));
        await LedgerAudit.AssertJournalAgreesWithBalancesAsync(_database);
    }

    [TestCase("allocation", "/api/allocation/v1/stock?fulfillmentCenter={0}", "SEA1", "ZZZ9", "fulfillmentCenter")]
    [TestCase("allocation", "/api/allocation/v1/placement?fnsku=X0GAPS0001&units=5&marketplace={0}", "US", "ZZ", "marketplace")]
    [TestCase("forecasting", "/api/forecasting/v1/calendar/holidays?marketplace={0}", "US", "ZZ", "marketplace")]
    [TestCase("liquidation", "/api/liquidation/v1/aged-inventory?fulfillmentCenter={0}", "SEA1", "ZZZ9", "fulfillmentCenter")]
    [TestCase("receiving", "/api/receiving/v1/fulfillment-centers/{0}/bins", "SEA1", "ZZZ9", "fulfillmentCenter")]
    public async Task Loop_Gaps_a_read_filter_naming_a_code_the_network_does_not_hold_is_refused_naming_the_parameter(
        string service,
        string path,
        string known,
        string unknown,
        string parameter
    )
    {
        using var client = Gateway(service == "receiving" ? AdminKey : SellerKey);

        var good = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, known));
        var bad = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, unknown));

        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{service}: {await good.Content.ReadAsStringAsync()}");
        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"{service}: {await bad.Content.ReadAsStringAsync()}");
        Assert.That(bad.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var errors = (await bad.ReadAsync<HttpValidationProblemDetails>()).Errors;
        Assert.That(errors.Keys, Is.EqualTo(new[] { parameter }));
        var kind = parameter == "marketplace" ? "a marketplace" : "a fulfillment center";
        Assert.That(errors[parameter].Single(), Does.Contain(kind).And.Contain("of the network"));
    }

    [Test]
    public async Task Loop_Gaps_units_transferred_out_free_their_bin_space()
    {
        var seller = GapsSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        using var admin = Gateway(AdminKey);
        var (center, bin) = await GapsCenterWithBinAsync(admin);
        var fnsku = await PlatformApi.RegisterItemAsync(partner, GapsSku());
        await GapsReceiveAsync(partner, seller, center, fnsku, 8);
        Assert.That(await ProjUsedAsync(admin, center, bin), Is.EqualTo(0.8476m), "8 units put away (8 × 0.105944 ft³)");

        await PostAsync(
            partner,
            "/api/allocation/v1/transfers",
            new
            {
                fnsku,
                fromFulfillmentCenter = center,
                toFulfillmentCenter = "NRT1",
                quantity = 3,
            }
        );

        // 3 units leave: 0.8476 − 0.3178.
        var used = await Eventually.Until(() => ProjUsedAsync(admin, center, bin), u => u != 0.8476m, ProjDeadline, "3 units' space freed");
        Assert.That(used, Is.EqualTo(0.5298m));
        Assert.That(await GapsUnitsInBinAsync(seller, fnsku, center), Is.EqualTo(5));
    }

    [Test]
    public async Task Loop_Gaps_units_counted_missing_free_their_bin_space()
    {
        var seller = GapsSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        using var admin = Gateway(AdminKey);
        var (center, bin) = await GapsCenterWithBinAsync(admin);
        var fnsku = await PlatformApi.RegisterItemAsync(partner, GapsSku());
        await GapsReceiveAsync(partner, seller, center, fnsku, 8);
        Assert.That(await ProjUsedAsync(admin, center, bin), Is.EqualTo(0.8476m));

        var counted = await PostAsync(
            admin,
            "/api/allocation/v1/admin/cycle-counts",
            new
            {
                sellerId = seller,
                fnsku,
                fulfillmentCenter = center,
                countedUnits = 6,
                bin,
            }
        );
        var adjustment = (await counted.ReadAsync<CycleCountResponse>()).Adjustment!;
        Assert.That((adjustment.Quantity, adjustment.Reason), Is.EqualTo((-2, AdjustmentReason.Lost)));

        // 2 units leave the counted bin: 0.8476 − 0.2119.
        var used = await Eventually.Until(() => ProjUsedAsync(admin, center, bin), u => u != 0.8476m, ProjDeadline, "2 units' space freed");
        Assert.That(used, Is.EqualTo(0.6357m));
        Assert.That(await GapsUnitsInBinAsync(seller, fnsku, center), Is.EqualTo(6));
    }

    [Test]
    public async Task Loop_Gaps_units_removed_by_a_completed_removal_order_free_their_bin_space()
    {
        var seller = GapsSeller();
        var neighbour = GapsSeller();
        using var partner = Gateway(await IssueKeyAsync(seller));
        using var other = Gateway(await IssueKeyAsync(neighbour));
        using var admin = Gateway(AdminKey);
        var (center, bin) = await GapsCenterWithBinAsync(admin);
        var removed = await PlatformApi.RegisterItemAsync(partner, GapsSku());
        var staying = await PlatformApi.RegisterItemAsync(other, GapsSku());
        await GapsReceiveAsync(partner, seller, center, removed, 5);
        await GapsReceiveAsync(other, neighbour, center, staying, 3);
        // 5 units (0.5297) and another seller's 3 (0.3178) share the bin.
        Assert.That(await ProjUsedAsync(admin, center, bin), Is.EqualTo(0.8475m));
        // Liquidation's clock runs LiquidationDaysAhead days ahead: the 5 units are aged dead stock there.
        await Eventually.Until(
            async () => (await GetAsync<Page<ExcessRow>>(partner, "/api/liquidation/v1/excess")).Items,
            rows => rows.Any(r => r.Fnsku == removed && r is { ItemRegistered: true, SellableUnits: 5 }),
            CoreWait,
            "Liquidation holding the 5 units"
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
        var removal =
            recommendations.SingleOrDefault(r => r.Fnsku == removed && r.StockKind == StockKind.Sellable && r.OrderId is not null)?.OrderId
            ?? throw new AssertionException($"No removal order for {removed}: {string.Join(", ", recommendations)}");
        await CoreStockUntilAsync(partner, removed, center, s => s.PendingRemoval == 5, "the 5 units held for removal");

        await PostAsync(partner, $"/api/liquidation/v1/orders/{removal}/start", null);
        await PostAsync(partner, $"/api/liquidation/v1/orders/{removal}/complete", null);

        // The 5 removed units leave the bin (0.8475 − 0.5297); the other seller's 3 stay.
        var used = await Eventually.Until(() => ProjUsedAsync(admin, center, bin), u => u != 0.8475m, ProjDeadline, "5 units' space freed");
        Assert.That(used, Is.EqualTo(0.3178m));
        Assert.That(await GapsUnitsInBinAsync(seller, removed, center), Is.Zero);
        Assert.That(await GapsUnitsInBinAsync(neighbour, staying, center), Is.EqualTo(3));
        var gone = await CoreStockUntilAsync(partner, removed, center, s => s.OnHand == 0, "the removed units off the ledger");
        Assert.That((gone.OnHand, gone.PendingRemoval), Is.EqualTo((0, 0)));
    }

    private static string GapsSeller() => $"gaps-{Guid.NewGuid():N}"[..20];

    private static string GapsSku() => $"GAPS-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

    /// <summary>
    /// A JP fulfillment center of the test's own (no other test's units reach it) with one empty bin of
    /// <see cref="GapsBinCapacity"/> ft³, once Receiving knows the FC.
    /// </summary>
    private static async Task<(string Center, string Bin)> GapsCenterWithBinAsync(HttpClient admin)
    {
        var center = $"G{Random.Shared.Next(100_000, 999_999)}";
        var added = await admin.PutAsJsonAsync(
            $"/api/allocation/v1/network/fulfillment-centers/{center}",
            new
            {
                marketplace = "JP",
                region = "JP",
                storageCapacityUnits = 10_000,
            }
        );
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), await added.Content.ReadAsStringAsync());
        const string bin = "GAPS-A-01";
        var layout = await Eventually.Until(
            () =>
                admin.PutAsJsonAsync(
                    $"/api/receiving/v1/fulfillment-centers/{center}/bins",
                    new
                    {
                        bins = new[]
                        {
                            new
                            {
                                binId = bin,
                                zone = "gaps",
                                pickFaceDistanceMeters = 10,
                                capacityCubicFeet = GapsBinCapacity,
                            },
                        },
                    }
                ),
            r => r.StatusCode != HttpStatusCode.BadRequest,
            ProjDeadline,
            $"Receiving to know {center}"
        );
        Assert.That(layout.StatusCode, Is.EqualTo(HttpStatusCode.OK), await layout.Content.ReadAsStringAsync());
        return (center, bin);
    }

    private static async Task GapsReceiveAsync(HttpClient partner, string seller, string center, string fnsku, int units)
    {
        var shipment = await CreateShipmentAsync(partner, center, (fnsku, units));
        var scanned = await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, $"{fnsku}-{center}", units));
        Assert.That(scanned.Accepted, Is.EqualTo(units));
        await CoreStockUntilAsync(partner, fnsku, center, s => s.OnHand == units, $"{units} on hand at {center}");
    }

    /// <summary>The units of an FNSKU Receiving still has in a bin at the FC.</summary>
    private Task<int> GapsUnitsInBinAsync(string seller, string fnsku, string center) =>
        ScalarAsync<int>(
            "SELECT CAST(COUNT(*) AS integer) FROM receiving.units "
                + $"WHERE seller_id = '{seller}' AND fnsku = '{fnsku}' AND fulfillment_center = '{center}' "
                + "AND bin_id IS NOT NULL AND bin_released_at IS NULL"
        );

    private static async Task<OrderResponse> GapsOrderAsync(HttpClient partner, string region, params (string Fnsku, int Quantity)[] lines)
    {
        var response = await PostAsync(
            partner,
            "/api/allocation/v1/orders",
            new
            {
                marketplace = "US",
                shipToRegion = region,
                lines = lines.Select(l => new
                {
                    fnsku = l.Fnsku,
                    quantity = l.Quantity,
                    unitPrice = new { amount = 14.99, currency = "USD" },
                }),
            }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return await response.ReadAsync<OrderResponse>();
    }

    /// <summary>The OrderAllocated events Allocation's outbox holds for an order, oldest first.</summary>
    private async Task<IReadOnlyList<OrderAllocated>> GapsOrderAllocatedAsync(Guid orderId)
    {
        var bodies = await QueryAsync<string>(
            "SELECT body FROM allocation.outbox WHERE message_type LIKE '%OrderAllocated%' "
                + $"AND body LIKE '%{orderId}%' ORDER BY created_at, id"
        );
        return bodies.Select(b => JsonSerializer.Deserialize<OrderAllocated>(b, GapsEventJson)!).ToList();
    }
}

using System.Diagnostics;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Hosting;
using InventoryPlatform.Liquidation.Api;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Returns.Api;
using InventoryPlatform.Returns.Domain;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 22, the last "done means" point: several sellers' traffic at once, through the gateway with every service running,
/// and the broker away for thirty seconds in the middle while the traffic goes on. Each seller ships and receives ASNs, takes
/// orders (one allocated and shipped, two backordered on empty stock and filled by later receipts, oldest first), moves stock
/// between FCs, takes a return back (one unit restocked, one graded for liquidation), has two removal orders (one completed, one
/// still holding its units) and is counted by an FC operator (units lost, then found). At the end, once every outbox is sent and
/// every queue empty: every service's counts reconcile with the ledger, the journal rebuilds every balance, and each seller's
/// positions are exactly what its traffic implies.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    private const int MixSellerCount = 4;
    private const string MixWest = "SEA1";
    private const string MixEast = "EWR9";

    // A seller's steps in the outage are this far apart: its traffic goes on through the thirty seconds.
    private static readonly TimeSpan MixPace = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan MixStagger = TimeSpan.FromSeconds(0.5);

    [Test]
    public async Task Loop_Mix_several_sellers_at_once_through_a_broker_outage_end_reconciled_to_the_unit()
    {
        var clock = Stopwatch.StartNew();
        using var admin = Gateway(AdminKey);
        var sellers = await Task.WhenAll(Enumerable.Range(0, MixSellerCount).Select(i => MixSeller.StartAsync(this, i)));
        try
        {
            await Task.WhenAll(sellers.Select(s => s.BeforeOutageAsync()));
            TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: before the outage done; broker stopping.");
            await TestInfrastructure.StopBrokerAsync();
            try
            {
                // Every write below commits without the broker: the events wait in the services' outboxes.
                var outage = Task.Delay(TimeSpan.FromSeconds(30));
                await Task.WhenAll(sellers.Select(s => s.DuringOutageAsync(admin)));
                TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: the outage's traffic done.");
                await outage;
                // The outage's events are held, not lost: unsent in each writer's outbox, and not yet in the ledger.
                var held = await QueryAsync<(string Schema, long Unsent)>(
                    string.Join(
                        " UNION ALL ",
                        new[] { "receiving", "allocation", "returns", "liquidation" }.Select(s =>
                            $"SELECT '{s}', COUNT(*) FROM {s}.outbox WHERE sent_at IS NULL"
                        )
                    )
                );
                Assert.That(held.Where(h => h.Unsent == 0), Is.Empty, "every writer's outbox holding the outage's events");
                foreach (var seller in sellers)
                {
                    Assert.That(await seller.UnitsOfBAtEastAsync(), Is.Zero, "the B scanned in the outage not yet on the ledger");
                }
            }
            finally
            {
                await TestInfrastructure.StartBrokerAsync();
            }

            TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: broker back.");
            await Task.WhenAll(sellers.Select(s => s.AfterOutageAsync(admin)));
            TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: after the outage done; waiting for quiet.");

            var schemas = await QueryAsync<string>("SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox'");
            await WaitUntilQuietAsync(
                string.Join(" UNION ALL ", schemas.Select(s => $"SELECT id, sent_at FROM {s}.outbox")),
                "every seller's events sent and consumed"
            );
            TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: quiet.");

            foreach (var seller in sellers)
            {
                await seller.AssertEndAsync(admin);
            }

            await LedgerAudit.AssertJournalAgreesWithBalancesAsync(_database);
            var errors = await TestInfrastructure.ErrorQueuesAsync(_messaging);
            Assert.That(errors.Values.Sum(), Is.Zero, string.Join(", ", errors.Where(e => e.Value > 0).Select(e => $"{e.Key}={e.Value}")));
            TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: done.");
        }
        finally
        {
            foreach (var seller in sellers)
            {
                seller.Dispose();
            }
        }
    }

    /// <summary>
    /// One seller's traffic in three parts (before, during and after the outage) and what it must add up to. Items: A sells from
    /// both FCs, B is backordered at EWR9, R1 and R2 never sell and are removed (R1) or held for removal (R2) at SEA1.
    /// </summary>
    private sealed class MixSeller(int index, string seller, HttpClient partner) : IDisposable
    {
        // What the traffic makes: items, ASNs, orders, transfers, the return, removal orders and adjustments.
        private string _a = "";
        private string _b = "";
        private string _r1 = "";
        private string _r2 = "";
        private Guid _asnWest;
        private Guid _asnEast;
        private Guid _asnLate;
        private OrderResponse _shipped = null!;
        private OrderResponse _backordered = null!;
        private OrderResponse _westOrder = null!;
        private OrderResponse _lateBackorder = null!;
        private OrderResponse _eastShipped = null!;
        private OrderResponse _cancelled = null!;
        private TransferResponse _received = null!;
        private TransferResponse _inTransit = null!;
        private Guid _return;
        private Guid _removed;
        private Guid _held;
        private AdjustmentResponse _lost = null!;
        private AdjustmentResponse _found = null!;

        public static async Task<MixSeller> StartAsync(GatewayFlowSpecs specs, int index)
        {
            var seller = $"mix-{Guid.NewGuid():N}"[..20];
            return new MixSeller(index, seller, specs.Gateway(await specs.IssueKeyAsync(seller)));
        }

        public async Task BeforeOutageAsync()
        {
            _a = await PlatformApi.RegisterItemAsync(partner, "MIX-A");
            _b = await PlatformApi.RegisterItemAsync(partner, "MIX-B");
            _r1 = await PlatformApi.RegisterItemAsync(partner, "MIX-R1");
            _r2 = await PlatformApi.RegisterItemAsync(partner, "MIX-R2");

            // Three ASNs shipped: their units are inbound until scanned.
            _asnWest = await CreateShipmentAsync(partner, MixWest, (_a, 20), (_r1, 4), (_r2, 5));
            _asnEast = await CreateShipmentAsync(partner, MixEast, (_a, 10), (_b, 8));
            _asnLate = await CreateShipmentAsync(partner, MixEast, (_b, 3));
            foreach (var asn in new[] { _asnWest, _asnEast, _asnLate })
            {
                await PostAsync(partner, $"/api/receiving/v1/shipments/{asn}/ship", null);
            }

            await CoreStockUntilAsync(partner, _a, MixWest, s => s.Inbound == 20, "A: 20 inbound at SEA1");
            await CoreStockUntilAsync(partner, _r1, MixWest, s => s.Inbound == 4, "R1: 4 inbound at SEA1");
            await CoreStockUntilAsync(partner, _r2, MixWest, s => s.Inbound == 5, "R2: 5 inbound at SEA1");
            await CoreStockUntilAsync(partner, _a, MixEast, s => s.Inbound == 10, "A: 10 inbound at EWR9");
            await CoreStockUntilAsync(partner, _b, MixEast, s => s.Inbound == 11, "B: 11 inbound at EWR9");

            // SEA1 receives 12 of its 20 A (one damaged at the dock) and every R.
            await PlatformApi.ScanAsync(partner, _asnWest, _a, Units(seller, "a-w", 11));
            await PlatformApi.ScanAsync(partner, _asnWest, _a, Units(seller, "a-w-dmg", 1), condition: "damaged");
            await PlatformApi.ScanAsync(partner, _asnWest, _r1, Units(seller, "r1", 4));
            await PlatformApi.ScanAsync(partner, _asnWest, _r2, Units(seller, "r2", 5));
            await CoreStockUntilAsync(partner, _a, MixWest, s => s.OnHand == 11 && s.Unfulfillable == 1, "A: 11 on hand at SEA1");
            await CoreStockUntilAsync(partner, _r1, MixWest, s => s.OnHand == 4, "R1: 4 on hand");
            await CoreStockUntilAsync(partner, _r2, MixWest, s => s.OnHand == 5, "R2: 5 on hand");

            // An order allocated and shipped (its units come back later); 4 A moved east; B ordered with none anywhere.
            _shipped = await CoreOrderAsync(partner, "US-West", _a, 3);
            Assert.That(MixAllocations(_shipped), Is.EqualTo(new[] { (MixWest, 3) }));
            await PostAsync(partner, $"/api/allocation/v1/orders/{_shipped.Id}/shipments", new { fulfillmentCenter = MixWest });
            _received = await MixTransferAsync(_a, 4);
            _backordered = await CoreOrderAsync(partner, "US-Northeast", _b, 5);
            Assert.That((_backordered.Status, _backordered.Lines[0].Backordered), Is.EqualTo((OrderStatus.Backordered, 5)));
            _return = await AuthorizeReturnAsync(partner, _shipped.Id, _a, 2, "defective", CoreWait);

            // R1 and R2 never sold (Liquidation's clock runs LiquidationDaysAhead days ahead): the seller approves their removal.
            await Eventually.Until(
                async () => (await GetAsync<Page<ExcessRow>>(partner, "/api/liquidation/v1/excess")).Items.ToDictionary(r => r.Fnsku),
                rows =>
                    rows.TryGetValue(_r1, out var r1)
                    && r1 is { ItemRegistered: true, SellableUnits: 4 }
                    && rows.TryGetValue(_r2, out var r2)
                    && r2 is { ItemRegistered: true, SellableUnits: 5 },
                CoreWait,
                "Liquidation holding R1 and R2"
            );
            var recommendations = await (await PostAsync(partner, "/api/liquidation/v1/recommendations/recompute", null)).ReadAsync<
                List<RecommendationResponse>
            >();
            _removed = await ApproveRemovalAsync(recommendations, _r1, 4);
            _held = await ApproveRemovalAsync(recommendations, _r2, 5);
            await CoreStockUntilAsync(partner, _r1, MixWest, s => s.PendingRemoval == 4, "R1's 4 units held");
            await CoreStockUntilAsync(partner, _r2, MixWest, s => s.PendingRemoval == 5, "R2's 5 units held");
        }

        /// <summary>
        /// The broker is away: nothing reaches Allocation, whose positions stay as <see cref="BeforeOutageAsync"/> left them.
        /// </summary>
        public async Task DuringOutageAsync(HttpClient admin)
        {
            // The sellers' steps are spread over the outage, each seller starting a little after the one before.
            await Task.Delay(index * MixStagger);
            await PlatformApi.ScanAsync(partner, _asnEast, _a, Units(seller, "a-e", 10));
            await MixPaceAsync();
            await PlatformApi.ScanAsync(partner, _asnEast, _b, Units(seller, "b-e", 8));
            await MixPaceAsync();
            await PlatformApi.ScanAsync(partner, _asnWest, _a, Units(seller, "a-w-late", 8));
            await MixPaceAsync();
            // Both are complete now: closed, with nothing short.
            await PostAsync(partner, $"/api/receiving/v1/shipments/{_asnWest}/close", null);
            await PostAsync(partner, $"/api/receiving/v1/shipments/{_asnEast}/close", null);
            await MixPaceAsync();

            // SEA1 A: 11 − 3 shipped − 4 moved = 4 on hand; 2 of them for a new order.
            _westOrder = await CoreOrderAsync(partner, "US-West", _a, 2);
            Assert.That(MixAllocations(_westOrder), Is.EqualTo(new[] { (MixWest, 2) }));
            await MixPaceAsync();
            // Allocation has not heard of the B just scanned: this order waits behind the first.
            _lateBackorder = await CoreOrderAsync(partner, "US-Northeast", _b, 4);
            Assert.That((_lateBackorder.Status, _lateBackorder.Lines[0].Backordered), Is.EqualTo((OrderStatus.Backordered, 4)));
            await MixPaceAsync();
            await PostAsync(partner, $"/api/allocation/v1/transfers/{_received.Id}/receive", null);
            await MixPaceAsync();
            // The 4 moved A are on EWR9's shelf: one ships from there, two more are ordered and the order cancelled.
            _eastShipped = await CoreOrderAsync(partner, "US-Northeast", _a, 1);
            Assert.That(MixAllocations(_eastShipped), Is.EqualTo(new[] { (MixEast, 1) }));
            await PostAsync(partner, $"/api/allocation/v1/orders/{_eastShipped.Id}/shipments", new { fulfillmentCenter = MixEast });
            await MixPaceAsync();
            _cancelled = await CoreOrderAsync(partner, "US-Northeast", _a, 2);
            Assert.That(MixAllocations(_cancelled), Is.EqualTo(new[] { (MixEast, 2) }));
            await PostAsync(partner, $"/api/allocation/v1/orders/{_cancelled.Id}/cancel", new { reason = "changed my mind" });
            await MixPaceAsync();
            _inTransit = await MixTransferAsync(_a, 1);
            await MixPaceAsync();

            // SEA1 A: 3 on hand, 2 reserved; the operator counts 2.
            var lost = (await CountAsync(admin, seller, _a, countedUnits: 2, key: $"{seller}-lost")).Body;
            Assert.That((lost.PreviousOnHand, lost.OnHand, lost.Reserved), Is.EqualTo((3, 2, 2)));
            _lost = lost.Adjustment!;
            Assert.That((_lost.Quantity, _lost.Reason), Is.EqualTo((-1, AdjustmentReason.Lost)));
            await MixPaceAsync();

            // The shipped order's two units come back to SEA1: one sellable, one damaged by the customer (liquidated).
            var returned = Units(seller, "ret", 2);
            await PostAsync(
                partner,
                "/api/returns/v1/receipts",
                new
                {
                    fulfillmentCenter = MixWest,
                    returnId = _return,
                    unitIds = returned,
                }
            );
            await MixPaceAsync();
            await PostAsync(
                partner,
                $"/api/returns/v1/returns/{_return}/inspections",
                new
                {
                    unitIds = new[] { returned[0] },
                    grade = "sellable",
                    inspector = "qa",
                }
            );
            await MixPaceAsync();
            var liquidated = await PostAsync(
                partner,
                $"/api/returns/v1/returns/{_return}/inspections",
                new
                {
                    unitIds = new[] { returned[1] },
                    grade = "customerDamaged",
                    inspector = "qa",
                }
            );
            Assert.That(
                (await liquidated.ReadAsync<InspectionResponse>()).Disposition,
                Is.EqualTo(InventoryPlatform.Returns.Domain.Disposition.Liquidate)
            );
            await MixPaceAsync();

            await PostAsync(partner, $"/api/liquidation/v1/orders/{_removed}/start", null);
            await MixPaceAsync();
            await PostAsync(partner, $"/api/liquidation/v1/orders/{_removed}/complete", null);
        }

        public async Task AfterOutageAsync(HttpClient admin)
        {
            // The 8 B scanned in the outage fill the older backorder first, then 3 of the 4 of the later one.
            await CoreStockUntilAsync(partner, _b, MixEast, s => s.OnHand == 8 && s.Reserved == 8, "B: the outage's 8 on hand, reserved");
            var first = await GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{_backordered.Id}");
            var later = await GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{_lateBackorder.Id}");
            Assert.That((first.Status, first.Lines[0].Backordered), Is.EqualTo((OrderStatus.Allocated, 0)));
            Assert.That(
                (later.Status, later.Lines[0].Allocated, later.Lines[0].Backordered),
                Is.EqualTo((OrderStatus.PartiallyAllocated, 3, 1))
            );
            // Two of the late ASN's 3 arrive: the last unit backordered is filled.
            await PlatformApi.ScanAsync(partner, _asnLate, _b, Units(seller, "b-late", 2));
            await CoreOrderUntilAsync(partner, _lateBackorder.Id, o => o.Status == OrderStatus.Allocated, "the later backorder filled");

            // SEA1 A: 2 after the count + 8 scanned + 1 restocked; the operator counts 13.
            await CoreStockUntilAsync(
                partner,
                _a,
                MixWest,
                s => s.OnHand == 11 && s.Unfulfillable == 2,
                "A: the outage's receipts and returns at SEA1"
            );
            var found = (await CountAsync(admin, seller, _a, countedUnits: 13, key: null)).Body;
            Assert.That((found.PreviousOnHand, found.OnHand), Is.EqualTo((11, 13)));
            _found = found.Adjustment!;
            Assert.That((_found.Quantity, _found.Reason), Is.EqualTo((2, AdjustmentReason.Found)));
        }

        public async Task AssertEndAsync(HttpClient admin)
        {
            var reconciled = await GetAsync<ReconciliationResponse>(admin, $"/api/allocation/v1/admin/reconciliation?sellerId={seller}");
            Assert.That(reconciled.Services, Is.EquivalentTo(new[] { "liquidation", "limits", "forecasting" }));
            Assert.That(reconciled.Unreachable, Is.Empty, $"{seller}: every service reached");
            Assert.That(reconciled.Drifts, Is.Empty, $"{seller}: no drift");

            // (FC, on hand, reserved, pending removal, available, inbound, in transit, unfulfillable) per FNSKU.
            Assert.That(
                await MixPositionsAsync(_a),
                Is.EqualTo(new[] { (MixEast, 13, 0, 0, 13, 0, 1, 0), (MixWest, 13, 2, 0, 11, 0, 0, 2) }),
                $"{seller} A: EWR9 4 moved − 1 shipped + 10 received, 1 on its way; "
                    + "SEA1 11 − 3 shipped − 5 moved − 1 lost + 8 received + 1 restocked + 2 found, 2 reserved, "
                    + "1 damaged at the dock and 1 returned damaged"
            );
            Assert.That(
                await MixPositionsAsync(_b),
                Is.EqualTo(new[] { (MixEast, 10, 9, 0, 1, 1, 0, 0) }),
                $"{seller} B: 8 + 2 received, 5 + 4 reserved, 1 of the late ASN still inbound"
            );
            Assert.That(await MixPositionsAsync(_r1), Is.EqualTo(new[] { (MixWest, 0, 0, 0, 0, 0, 0, 0) }), $"{seller} R1 removed");
            Assert.That(await MixPositionsAsync(_r2), Is.EqualTo(new[] { (MixWest, 5, 0, 5, 0, 0, 0, 0) }), $"{seller} R2 held");

            foreach (
                var (order, center, units) in new[] { (_backordered, MixEast, 5), (_lateBackorder, MixEast, 4), (_westOrder, MixWest, 2) }
            )
            {
                var now = await GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{order.Id}");
                Assert.That(
                    (now.Status, now.Lines[0].Allocated, now.Lines[0].Backordered, MixAllocations(now).Single()),
                    Is.EqualTo((OrderStatus.Allocated, units, 0, (center, units))),
                    $"{seller}: order {order.Id}"
                );
            }

            var shippedEast = await GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{_eastShipped.Id}");
            var cancelled = await GetAsync<OrderResponse>(partner, $"/api/allocation/v1/orders/{_cancelled.Id}");
            Assert.That((shippedEast.Status, cancelled.Status), Is.EqualTo((OrderStatus.Shipped, OrderStatus.Cancelled)));
            var transfers = new[] { _received.Id, _inTransit.Id }.Select(id =>
                GetAsync<TransferResponse>(partner, $"/api/allocation/v1/transfers/{id}")
            );
            Assert.That(
                (await Task.WhenAll(transfers)).Select(t => (t.Quantity, t.Status)),
                Is.EqualTo(new[] { (4, TransferStatus.Received), (1, TransferStatus.InTransit) })
            );
            var adjustments = await GetAsync<Page<AdjustmentResponse>>(admin, $"/api/allocation/v1/admin/adjustments?sellerId={seller}");
            Assert.That(adjustments.Items.Select(a => a.Id), Is.EqualTo(new[] { _lost.Id, _found.Id }));
            var reimbursements = (await GetAsync<Page<ReimbursementResponse>>(partner, "/api/returns/v1/reimbursements")).Items;
            Assert.That(
                reimbursements.Where(r => r.Reason == ReimbursementReason.Lost).Select(r => (r.AdjustmentId, r.Fnsku, r.Units)),
                Is.EqualTo(new[] { ((Guid?)_lost.Id, _a, 1) }),
                $"{seller}: the lost unit reimbursed once"
            );
            var removals = (await GetAsync<Page<RemovalOrderResponse>>(partner, "/api/liquidation/v1/orders")).Items;
            Assert.That(
                removals.Select(o => (o.Fnsku, o.Status, o.FromUnfulfillable, o.Quantity)),
                Is.EquivalentTo(
                    new[]
                    {
                        (_r1, RemovalOrderStatus.Completed, false, 4),
                        (_r2, RemovalOrderStatus.Pending, false, 5),
                        (_a, RemovalOrderStatus.Pending, true, 1),
                    }
                ),
                $"{seller}: R1 removed, R2 held, the damaged return's unit to liquidate"
            );
            Assert.That(removals.Where(o => !o.FromUnfulfillable).Select(o => o.Id), Is.EquivalentTo(new[] { _removed, _held }));
        }

        public async Task<int> UnitsOfBAtEastAsync() => (await CoreStockAsync(partner, _b, MixEast))!.OnHand;

        public void Dispose() => partner.Dispose();

        private static Task MixPaceAsync() => Task.Delay(MixPace);

        private async Task<TransferResponse> MixTransferAsync(string fnsku, int quantity) =>
            await (
                await PostAsync(
                    partner,
                    "/api/allocation/v1/transfers",
                    new
                    {
                        fnsku,
                        fromFulfillmentCenter = MixWest,
                        toFulfillmentCenter = MixEast,
                        quantity,
                    }
                )
            ).ReadAsync<TransferResponse>();

        /// <summary>Approves the recommendation to take every unit of a never-sold item out; the removal order it created.</summary>
        private async Task<Guid> ApproveRemovalAsync(IReadOnlyList<RecommendationResponse> recommendations, string fnsku, int units)
        {
            var proposed = recommendations.Single(r => r.Fnsku == fnsku && r.StockKind == StockKind.Sellable);
            Assert.That((proposed.Status, proposed.Quantity), Is.EqualTo((RecommendationStatus.Proposed, units)), proposed.Rationale);
            Assert.That(
                proposed.Action,
                Is.AnyOf(RecommendedAction.Liquidate, RecommendedAction.RemoveToSeller, RecommendedAction.Dispose),
                proposed.Rationale
            );
            var approved = await (
                await PostAsync(partner, $"/api/liquidation/v1/recommendations/{proposed.Id}/approve", new { note = "clear it" })
            ).ReadAsync<RecommendationResponse>();
            return approved.OrderId ?? throw new AssertionException($"No removal order for {fnsku}: {approved}");
        }

        private async Task<IReadOnlyList<(string, int, int, int, int, int, int, int)>> MixPositionsAsync(string fnsku) =>
            (await GetAsync<Page<StockResponse>>(partner, $"/api/allocation/v1/stock?fnsku={fnsku}"))
                .Items.OrderBy(s => s.FulfillmentCenter, StringComparer.Ordinal)
                .Select(s =>
                    (s.FulfillmentCenter, s.OnHand, s.Reserved, s.PendingRemoval, s.Available, s.Inbound, s.InTransit, s.Unfulfillable)
                )
                .ToList();

        private static IEnumerable<(string Center, int Units)> MixAllocations(OrderResponse order) =>
            order
                .Lines.SelectMany(l => l.Allocations)
                .GroupBy(a => a.FulfillmentCenter, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Sum(a => a.Quantity)));
    }
}

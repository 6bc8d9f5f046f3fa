using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using InventoryPlatform.Client;
using InventoryPlatform.Client.Models;
using InventoryPlatform.Data;
using InventoryPlatform.Forecasting.Application;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// One seller's story through the gateway only, with all six services, RabbitMQ and PostgreSQL running: items registered,
/// two shipments received (a damaged unit, a shortage), orders from three regions allocated to the nearest FCs and
/// shipped, a sellable and a defective return, a forecast refresh that raises a restock alert, then — Liquidation's clock
/// running <see cref="LiquidationDaysAhead"/> days ahead — the vase that never sold liquidated as aged excess and the
/// defective and damaged units removed under an automatic liquidation policy while the selling items are kept, and limits
/// and KPIs that follow. At the end every number is checked against what the story implies. The variants break something
/// in the middle of the story (while the orders ship) and must end with the same numbers. The seller speaks to the platform
/// through the partner client (InventoryPlatform.Client) and its models, generated from the services' OpenAPI documents.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    [Test]
    public Task A_sellers_story_through_every_service_adds_up() => TellStoryAsync(shipping => shipping.ShipAsync());

    [Test]
    public Task The_story_adds_up_with_the_broker_away_for_thirty_seconds_in_the_middle() =>
        TellStoryAsync(async shipping =>
        {
            await TestInfrastructure.StopBrokerAsync();
            try
            {
                // Ship confirmations commit without the broker; their events wait in Allocation's outbox.
                var outage = Task.Delay(TimeSpan.FromSeconds(30));
                await shipping.ShipAsync();
                await outage;
            }
            finally
            {
                await TestInfrastructure.StartBrokerAsync();
            }
        });

    [Test]
    public Task The_story_adds_up_with_the_database_restarted_in_the_middle() =>
        TellStoryAsync(async shipping =>
        {
            await TestInfrastructure.StopDatabaseAsync();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
            }
            finally
            {
                await TestInfrastructure.StartDatabaseAsync();
                NpgsqlConnection.ClearAllPools();
            }

            await shipping.ShipAsync();
        });

    [Test]
    public Task The_story_adds_up_with_Limits_killed_while_it_has_events_to_process_and_restarted() =>
        TellStoryAsync(async shipping =>
        {
            // Limits consumes the most in the middle: a StockChanged per FC and an OrderShipped per confirmation. It dies
            // while the first confirmation's events reach it; the other confirmations' events wait for it on the broker.
            await shipping.ShipAsync(1);
            await KillServiceAsync("limits");
            try
            {
                await shipping.ShipAsync();
                var waiting = await Eventually.Until(
                    async () =>
                        (await TestInfrastructure.QueuesAsync(_messaging))
                            .Where(q =>
                                q.Key.StartsWith("limits-", StringComparison.Ordinal) && !q.Key.EndsWith("_error", StringComparison.Ordinal)
                            )
                            .Sum(q => q.Value),
                    messages => messages > 0,
                    TimeSpan.FromSeconds(30),
                    "the ship confirmations' events waiting for the killed Limits"
                );
                Assert.That(waiting, Is.GreaterThan(0));
                TestContext.Out.WriteLine($"{waiting} message(s) waiting for Limits.");
            }
            finally
            {
                await StartServiceAsync("limits");
            }
        });

    [Test]
    public Task The_story_adds_up_with_every_event_so_far_published_again_in_the_middle() =>
        TellStoryAsync(async shipping =>
        {
            await shipping.ShipAsync();
            await PublishEveryEventAgainAsync();
        });

    /// <param name="aroundShipping">Runs the ship confirmations (the middle of the story), with whatever fault the test brings.</param>
    private async Task TellStoryAsync(Func<Shipping, Task> aroundShipping)
    {
        var seller = $"story-{Guid.NewGuid():N}"[..20];
        using var http = Gateway(null);
        var partner = new PlatformClient(http, new PlatformClientOptions { ApiKey = await IssueKeyAsync(seller) });

        // Receiving: three items, a shipment to SEA1 (one mug damaged, one lamp short) and one to EWR9 with the vases that
        // will never sell.
        var mug = await RegisterItemAsync(partner, "STORY-MUG");
        var lamp = await RegisterItemAsync(partner, "STORY-LAMP");
        var vase = await RegisterItemAsync(partner, "STORY-VASE");
        var west = await CreateShipmentAsync(partner, "SEA1", (mug, 10), (lamp, 6));
        await ScanAsync(partner, west, mug, Units(seller, "mug-w", 9));
        await ScanAsync(partner, west, mug, Units(seller, "mug-w-dmg", 1), UnitCondition.Damaged);
        await ScanAsync(partner, west, lamp, Units(seller, "lamp-w", 5));
        var east = await CreateShipmentAsync(partner, "EWR9", (mug, 8), (vase, Vases));
        await ScanAsync(partner, east, mug, Units(seller, "mug-e", 8));
        await ScanAsync(partner, east, vase, Units(seller, "vase-e", Vases));
        var report = await partner.Receiving.CloseShipmentAsync(west);
        Assert.That(report.Status, Is.EqualTo(ShipmentStatus.Closed));
        await partner.Receiving.CloseShipmentAsync(east);
        var westReport = await partner.Receiving.GetShipmentReportAsync(west);
        Assert.That((westReport.Totals.ReceivedDamaged, westReport.Totals.Shortage), Is.EqualTo((1, 1)));
        await Eventually.Until(
            () => StockAsync(partner, mug, "EWR9"),
            s => s.OnHand == 8,
            TimeSpan.FromSeconds(60),
            "the EWR9 mugs in stock"
        );
        await Eventually.Until(
            () => StockAsync(partner, lamp, "SEA1"),
            s => s.OnHand == 5,
            TimeSpan.FromSeconds(60),
            "the SEA1 lamps in stock"
        );
        await Eventually.Until(
            () => StockAsync(partner, vase, "EWR9"),
            s => s.OnHand == Vases,
            TimeSpan.FromSeconds(60),
            "the EWR9 vases in stock"
        );
        // The sellable and the damaged mugs arrive in two events that Allocation may take in either order.
        await Eventually.Until(
            () => StockAsync(partner, mug, "SEA1"),
            s => s == (9, 1),
            TimeSpan.FromSeconds(60),
            "the SEA1 mugs in stock, one damaged"
        );

        // Allocation: orders go to the nearest FC that holds them, one FC per order when one can.
        var westMugs = await OrderAsync(partner, "US-West", (mug, 2));
        var eastMugs = await OrderAsync(partner, "US-Northeast", (mug, 3));
        var centralLamp = await OrderAsync(partner, "US-Central", (lamp, 1));
        var westBoth = await OrderAsync(partner, "US-West", (mug, 1), (lamp, 1));
        Assert.That(
            new[] { westMugs.Center, eastMugs.Center, centralLamp.Center, westBoth.Center },
            Is.EqualTo(new[] { "SEA1", "EWR9", "SEA1", "SEA1" }),
            "nearest FC with the stock, no split"
        );
        var shipping = new Shipping(
            new[] { westMugs, eastMugs, centralLamp, westBoth }
                .Select<(Guid Id, string Center), Func<Task>>(order =>
                    async () =>
                    {
                        // A partner retries a confirmation the platform could not take (database coming back): shipping twice is refused,
                        // never doubled.
                        var shipped = await Eventually.Until(
                            () => AttemptAsync(() => partner.Allocation.ConfirmShipmentAsync(order.Id, new ShipOrderRequest(order.Center))),
                            r => r.Refusal is null || (int)r.Refusal.Status < 500,
                            TimeSpan.FromSeconds(60),
                            "a ship confirmation accepted"
                        );
                        Assert.That(shipped.Refusal, Is.Null, shipped.Refusal?.Message);
                    }
                )
                .ToList()
        );
        await aroundShipping(shipping);
        Assert.That(shipping.Left, Is.Zero, "every order shipped in the middle of the story");

        // Returns: both mugs of the first order come back; one is sellable, one defective.
        var returnId = await AuthorizeReturnAsync(partner, westMugs.Id, mug, 2, ReturnReason.Defective, TimeSpan.FromSeconds(60));
        var returned = Units(seller, "ret", 2);
        await partner.Returns.ReceiveReturnedUnitsAsync(new ReceiptRequest("SEA1", returnId, null, returned));
        await partner.Returns.GradeReturnedUnitsAsync(
            returnId,
            new InspectionRequest([returned[0]], ReturnGrade.Sellable, null, null, null, "qa")
        );
        await partner.Returns.GradeReturnedUnitsAsync(
            returnId,
            new InspectionRequest([returned[1]], ReturnGrade.Defective, null, null, null, "qa")
        );
        // SEA1 mugs: 9 − 2 − 1 shipped + 1 restocked = 7 on hand; 1 damaged at the dock + 1 defective = 2 unfulfillable.
        await Eventually.Until(
            () => StockAsync(partner, mug, "SEA1"),
            s => s == (7, 2),
            TimeSpan.FromSeconds(60),
            "the returns in SEA1's stock"
        );

        // Forecasting: the shipments are sales history; with two months of imported sales the mug and the lamp keep selling,
        // and the lamp needs restocking. The vase has no history: nothing is forecast to sell it.
        var history = await Eventually.Until(
            async () =>
                (
                    await partner.Forecasting.GetSalesHistoryAsync(
                        mug,
                        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)),
                        DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1))
                    )
                )
                    .Days.GroupBy(d => d.Region)
                    .ToDictionary(g => g.Key, g => g.Sum(d => d.Units)),
            byRegion => byRegion.Values.Sum() == 6,
            TimeSpan.FromSeconds(60),
            "the shipped mugs in the sales history"
        );
        Assert.That(history, Is.EquivalentTo(new Dictionary<string, int> { ["US-West"] = 3, ["US-Northeast"] = 3 }));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        // The imported mug sales end three days ago, so the window above holds only the shipped mugs.
        var sales = Enumerable
            .Range(1, 60)
            .Select(d => new SaleInput(today.AddDays(-d), lamp, "US-West", 3))
            .Concat(Enumerable.Range(3, 60).Select(d => new SaleInput(today.AddDays(-d), mug, "US-West", 2)))
            .ToArray();
        await partner.Forecasting.ImportSalesHistoryAsync(new ImportHistoryRequest("US", sales));
        // A refresh the schedule started before the import may be the one returned: wait for it and ask again.
        RefreshOperationResponse refresh,
            refreshed;
        do
        {
            refresh = await partner.Forecasting.RefreshForecastsAsync();
            var id = refresh.Id;
            refreshed = await Eventually.Until(
                () => partner.Forecasting.GetForecastRefreshOperationAsync(id),
                o => o.Status is "succeeded" or "failed",
                TimeSpan.FromSeconds(120),
                "the forecast refresh finished"
            );
        } while (refresh.Trigger != "request");
        Assert.That(refreshed.Status, Is.EqualTo("succeeded"), string.Join("; ", refreshed.Errors.Select(e => e.Reason)));
        var alerts = await Eventually.Until(
            async () => await partner.Forecasting.ListRestockAlertsAsync(lamp).ToListAsync(),
            items => items.Count > 0,
            TimeSpan.FromSeconds(60),
            "a restock alert for the lamp"
        );
        Assert.That(alerts, Has.Count.EqualTo(1), "one alert per crossing of the reorder point");

        // Liquidation runs LiquidationDaysAhead days ahead: every unit of the story is that old there, and none has sold for
        // as long. The mug and the lamp are covered by their forecasts; the vase, never sold, is aged excess and dead stock.
        var excess = await Eventually.Until(
            async () => (await partner.Liquidation.ListExcessInventoryAsync().ToListAsync()).ToDictionary(r => r.Fnsku),
            rows =>
                rows.TryGetValue(mug, out var m)
                && m.DemandSource == DemandSource.Forecast
                && m.UnfulfillableUnits == 2
                && rows.TryGetValue(lamp, out var l)
                && l.DemandSource == DemandSource.Forecast
                && rows.TryGetValue(vase, out var v)
                && v.SellableUnits == Vases
                // Recommendations need each item's registration (price, size); after a database restart its event may still be in retry.
                && new[] { m, l, v }.All(r => r.ItemRegistered),
            TimeSpan.FromSeconds(60),
            "Liquidation holding the items, the forecasts, the two unsellable mugs and the vases"
        );
        Assert.That(excess[mug].ExcessUnits, Is.Zero, excess[mug].ToString());
        Assert.That(excess[lamp].ExcessUnits, Is.Zero, excess[lamp].ToString());
        Assert.That(
            (excess[vase].ExcessUnits, excess[vase].DeadStock, excess[vase].OldestAgeDays),
            Is.EqualTo((Vases, true, (int?)LiquidationDaysAhead)),
            excess[vase].ToString()
        );
        // Stored at Limits before: SEA1 mugs 7 + 2 unfulfillable, EWR9 mugs 5, SEA1 lamps 3, the EWR9 vases.
        await Eventually.Until(
            () => StoredCubicFeetAsync(partner),
            feet => Math.Abs(feet - ((17 + Vases) * ItemCubicFeet)) < 0.01m,
            TimeSpan.FromSeconds(60),
            "the vases and the unsellable mugs stored at Limits"
        );

        // Under an automatic policy for stock at least 180 days old, the vases are liquidated and the unsellable mugs removed
        // to the seller; both orders take their units off the ledger. The selling items are kept.
        await partner.Liquidation.PutPolicyAsync(new PolicyRequest(ExecutionMode.Automatic, 20, 180));
        var recommendations = await partner.Liquidation.RecomputeRecommendationsAsync();
        RecommendationResponse RecommendationFor(string fnsku, StockKind stockKind) =>
            recommendations.SingleOrDefault(r => r.Fnsku == fnsku && r.StockKind == stockKind)
            ?? throw new AssertionException(
                $"No {stockKind} recommendation for {fnsku} in the recompute's answer: {string.Join(", ", recommendations)}"
            );
        var liquidation = RecommendationFor(vase, StockKind.Sellable);
        Assert.That(
            (liquidation.Action, liquidation.Status, liquidation.Quantity),
            Is.EqualTo((RecommendedAction.Liquidate, RecommendationStatus.Approved, Vases)),
            liquidation.Rationale
        );
        var removal = RecommendationFor(mug, StockKind.Unfulfillable);
        Assert.That(
            (removal.Action, removal.Status),
            Is.EqualTo((RecommendedAction.RemoveToSeller, RecommendationStatus.Approved)),
            removal.Rationale
        );
        foreach (var selling in new[] { mug, lamp })
        {
            var kept = RecommendationFor(selling, StockKind.Sellable);
            Assert.That((kept.Action, kept.OrderId), Is.EqualTo((RecommendedAction.Keep, (Guid?)null)), kept.Rationale);
        }

        var orders = await partner.Liquidation.ListRemovalOrdersAsync().ToListAsync();
        Assert.That(
            orders.Select(o => (o.Fnsku, o.Kind, o.Quantity)),
            Is.EquivalentTo(new[] { (vase, RemovalKind.Liquidation, Vases), (mug, RemovalKind.Removal, 2) }),
            "orders for the vases and the unsellable mugs only"
        );
        var vaseOrder = liquidation.OrderId ?? throw new AssertionException("no order for the vases");
        Assert.That(
            orders.Single(o => o.Id == vaseOrder).Lines.Select(l => (l.FulfillmentCenter, l.Quantity)),
            Is.EqualTo(new[] { ("EWR9", Vases) })
        );
        foreach (var order in new[] { vaseOrder, removal.OrderId ?? throw new AssertionException("no order for the mugs") })
        {
            await partner.Liquidation.StartRemovalOrderAsync(order);
            await partner.Liquidation.CompleteRemovalOrderAsync(order);
        }

        await Eventually.Until(
            () => StockAsync(partner, vase, "EWR9"),
            s => s == (0, 0),
            TimeSpan.FromSeconds(60),
            "the liquidated vases off the ledger"
        );
        await Eventually.Until(
            () => StockAsync(partner, mug, "SEA1"),
            s => s == (7, 0),
            TimeSpan.FromSeconds(60),
            "the removed mugs off the ledger"
        );
        var vaseRemovals = await TestInfrastructure.QueryAsync<(string, string, int, string)>(
            DatabaseProvider.Postgres,
            _database,
            "SELECT fulfillment_center, bucket, quantity, reason FROM allocation.stock_movements "
                + "WHERE seller_id = @Seller AND fnsku = @Fnsku AND source_id = @Source",
            new
            {
                Seller = seller,
                Fnsku = vase,
                Source = $"removal:{vaseOrder}",
            }
        );
        // Taken off on hand once. Held (pending removal) while the order was open, and the hold consumed by the removal, unless
        // the removal's event reached Allocation before the opening's (they travel on different queues; after an outage both
        // wait in Liquidation's outbox): then the order is already closed when the opening arrives, and nothing is held.
        Assert.That(
            vaseRemovals.Where(m => m.Item2 == "OnHand"),
            Is.EqualTo(new[] { ("EWR9", "OnHand", -Vases, "RemovedLiquidated") }),
            "the journal takes the vases off once"
        );
        var holds = vaseRemovals.Where(m => m.Item2 == "PendingRemoval").ToList();
        var heldAndConsumed = new[]
        {
            ("EWR9", "PendingRemoval", Vases, "RemovalHeld"),
            ("EWR9", "PendingRemoval", -Vases, "RemovedLiquidated"),
        };
        Assert.That(
            holds,
            Is.EquivalentTo(holds.Count == 0 ? [] : heldAndConsumed),
            "a hold, if the opening came first, is taken and consumed once"
        );

        // Returns analytics: 2 of the 6 mugs shipped came back.
        var rate = await Eventually.Until(
            async () =>
                (await partner.Returns.ListReturnRatesAsync(mug).ToListAsync())
                    .Select(r => (r.ShippedUnits, r.ReturnedUnits))
                    .SingleOrDefault(),
            r => r == (6, 2),
            TimeSpan.FromSeconds(60),
            "6 mugs shipped and 2 returned in the return rate"
        );
        Assert.That(rate, Is.EqualTo((6, 2)));

        // Limits: what is stored is what the ledger holds, in cubic feet.
        // Ledger: SEA1 mugs 7, SEA1 lamps 5 − 2 shipped = 3, EWR9 mugs 8 − 3 = 5; no vase, nothing unfulfillable any more.
        Assert.That(await StockAsync(partner, lamp, "SEA1"), Is.EqualTo((3, 0)));
        Assert.That(await StockAsync(partner, mug, "EWR9"), Is.EqualTo((5, 0)));
        await Eventually.Until(
            () => StoredCubicFeetAsync(partner),
            feet => Math.Abs(feet - (15 * ItemCubicFeet)) < 0.01m,
            TimeSpan.FromSeconds(60),
            "15 units stored at Limits"
        );
        // Both shipments closed: nothing held for inbound. Limits may still be retrying the receipts and closes it was
        // consuming when a fault hit (the retries run 5, 15 and 30 s apart), so this too is waited for.
        var inbound = await Eventually.Until(
            async () => (await partner.Limits.GetUsageAsync()).Usage.Single(u => u.StorageType == StorageType.Standard).InboundCubicFeet,
            feet => feet == 0,
            TimeSpan.FromSeconds(90),
            "both shipments closed: nothing held for inbound"
        );
        Assert.That(inbound, Is.Zero);
        // Yesterday and today: a story that ships before midnight UTC and reads its KPIs after it still finds its shipments.
        // The run's database is new, so yesterday holds nothing else.
        var kpis = await Eventually.Until(
            async () => (await partner.Limits.GetKpisAsync(days: 2)).Kpis,
            k => k.UnitsShipped == 8 && k.OrderDefects.DefectiveReturns == 1,
            TimeSpan.FromSeconds(60),
            "8 units shipped and one defective return in the KPIs"
        );
        Assert.That(kpis.UnitsOnHand, Is.EqualTo(15));
        Assert.That(kpis.OrderDefects.Orders, Is.EqualTo(4));

        // And underneath: the journal rebuilds every balance, every outbox is sent, no message failed.
        await LedgerAudit.AssertJournalAgreesWithBalancesAsync(_database);
        var errors = await TestInfrastructure.ErrorQueuesAsync(_messaging);
        Assert.That(errors.Values.Sum(), Is.Zero, string.Join(", ", errors.Where(e => e.Value > 0).Select(e => $"{e.Key}={e.Value}")));
    }

    /// <summary>The middle of the story: the ship confirmations of its orders, confirmed in order.</summary>
    private sealed class Shipping(IReadOnlyList<Func<Task>> confirmations)
    {
        private int _next;

        public int Left => confirmations.Count - _next;

        /// <summary>Confirms the next <paramref name="orders"/> orders, by default all that are left.</summary>
        public async Task ShipAsync(int orders = int.MaxValue)
        {
            for (; orders > 0 && _next < confirmations.Count; orders--)
            {
                await confirmations[_next++]();
            }
        }
    }

    /// <summary>
    /// SIGKILL to the service's processes under the AppHost (no shutdown, no acknowledgement of what it holds), then waits
    /// until the orchestrator sees it gone.
    /// </summary>
    private async Task KillServiceAsync(string service)
    {
        Assert.That(_app.ResourceNotifications.TryGetCurrentState(service, out var running), Is.True, $"{service} is a resource");
        var pid = Convert.ToInt32(
            running!.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value,
            System.Globalization.CultureInfo.InvariantCulture
        );
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var gone = await _app.ResourceNotifications.WaitForResourceAsync(
            service,
            e => e.Snapshot.State?.Text is { } state && state != KnownResourceStates.Running && state != KnownResourceStates.Starting,
            timeout.Token
        );
        TestContext.Out.WriteLine($"{service} (pid {pid}) killed: {gone.Snapshot.State?.Text}, exit code {gone.Snapshot.ExitCode}.");
    }

    /// <summary>Starts a stopped service again through the AppHost's start command and waits until it is healthy.</summary>
    private async Task StartServiceAsync(string service)
    {
        var commands = _app.Services.GetRequiredService<ResourceCommandService>();
        var started = await commands.ExecuteCommandAsync(service, KnownResourceCommands.StartCommand);
        Assert.That(started.Success, Is.True, started.Message);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
    }

    /// <summary>
    /// Every event every service has published so far goes out again (as if each dispatcher had crashed after publishing
    /// and before marking its rows sent), once the platform is quiet. Afterwards no consumer has taken any of them for a
    /// new message: whatever the inboxes recorded since is an event first published after the reset.
    /// </summary>
    private async Task PublishEveryEventAgainAsync()
    {
        // Table names from the catalog, not from input.
        var schemas = await QueryAsync<string>(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox' ORDER BY table_schema"
        );
        Assert.That(schemas, Is.SupersetOf(new[] { "allocation", "forecasting", "limits", "liquidation", "receiving", "returns" }));
        var outboxes = string.Join(" UNION ALL ", schemas.Select(s => $"SELECT id, sent_at FROM {s}.outbox"));
        var inboxes = string.Join(" UNION ALL ", schemas.Select(s => $"SELECT message_id, consumer FROM {s}.inbox"));

        await WaitUntilQuietAsync(outboxes, "the story's events consumed before they go out again");
        var published = (await QueryAsync<Guid>($"SELECT id FROM ({outboxes}) o")).ToHashSet();
        var consumed = (await QueryAsync<(Guid, string)>($"SELECT message_id, consumer FROM ({inboxes}) i")).ToHashSet();
        var reset = 0;
        foreach (var schema in schemas)
        {
            reset += await ScalarAsync<int>(
                $"WITH again AS (UPDATE {schema}.outbox SET sent_at = NULL WHERE sent_at IS NOT NULL RETURNING 1) SELECT COUNT(*) FROM "
                    + "again"
            );
        }

        Assert.That(reset, Is.EqualTo(published.Count), "every event so far published again");
        await WaitUntilQuietAsync(outboxes, "every event published again and consumed");

        var newEvents = (await QueryAsync<Guid>($"SELECT id FROM ({outboxes}) o")).Except(published).ToHashSet();
        var consumedSince = (await QueryAsync<(Guid MessageId, string Consumer)>($"SELECT message_id, consumer FROM ({inboxes}) i"))
            .Where(c => !consumed.Contains(c))
            .ToList();
        Assert.That(consumedSince.Where(c => !newEvents.Contains(c.MessageId)), Is.Empty, "a republished event taken for a new message");
        TestContext.Out.WriteLine(
            $"{reset} events published again; since then {newEvents.Count} new events, {consumedSince.Count} new deliveries consumed."
        );
    }

    /// <summary>Every outbox sent and every queue empty, twice in a row across the broker's statistics interval.</summary>
    private async Task WaitUntilQuietAsync(string outboxes, string what)
    {
        async Task<int> PendingAsync() =>
            await ScalarAsync<int>($"SELECT COUNT(*) FROM ({outboxes}) o WHERE o.sent_at IS NULL")
            + (await TestInfrastructure.QueuesAsync(_messaging))
                .Where(q => !q.Key.EndsWith("_error", StringComparison.Ordinal))
                .Sum(q => q.Value);

        await Eventually.Until(PendingAsync, pending => pending == 0, TimeSpan.FromSeconds(120), what);
        // The management API counts queues every 5 s: a message published just now shows up only then.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await Eventually.Until(PendingAsync, pending => pending == 0, TimeSpan.FromSeconds(60), what);
    }

    private Task<T> ScalarAsync<T>(string sql) => TestInfrastructure.ScalarAsync<T>(DatabaseProvider.Postgres, _database, sql);

    private Task<IReadOnlyList<T>> QueryAsync<T>(string sql) => TestInfrastructure.QueryAsync<T>(DatabaseProvider.Postgres, _database, sql);

    // The vases that never sell; a 20 × 15 × 10 cm item is 0.1059 ft³.
    private const int Vases = 4;
    private const decimal ItemCubicFeet = 0.1059m;

    private static async Task<decimal> StoredCubicFeetAsync(PlatformClient partner) =>
        (await partner.Limits.GetUsageAsync()).Usage.Single(u => u.StorageType == StorageType.Standard).StoredCubicFeet;

    // Unit ids are unique across the network: each story's units carry its seller.
    private static string[] Units(string seller, string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => $"{seller}-{prefix}-{i}").ToArray();

    // The story's calls, through the partner client.

    private static async Task<string> RegisterItemAsync(PlatformClient partner, string sellerSku) =>
        (
            await partner.Receiving.RegisterItemAsync(
                new RegisterItemRequest(
                    sellerSku,
                    $"Test product {sellerSku}",
                    StorageType.Standard,
                    new Dimensions(20, 15, 10, 0.8m),
                    new Money(19.99m, "USD")
                )
            )
        ).Fnsku;

    private static Task<ScanResult> ScanAsync(
        PlatformClient partner,
        Guid shipmentId,
        string fnsku,
        IEnumerable<string> unitIds,
        UnitCondition condition = UnitCondition.Sellable
    ) =>
        partner.Receiving.ScanBatchAsync(
            shipmentId,
            new ScanBatchRequest(unitIds.Select(u => new ScanRequest(u, fnsku, condition)).ToList())
        );

    /// <summary>(on hand, unfulfillable) of one FNSKU at one FC, or (0, 0) when the ledger has no row yet.</summary>
    private static async Task<(int OnHand, int Unfulfillable)> StockAsync(PlatformClient partner, string fnsku, string fulfillmentCenter)
    {
        var items = await partner.Allocation.ListStockAsync(fnsku, fulfillmentCenter: fulfillmentCenter).ToListAsync();
        return items.Count == 0 ? (0, 0) : (items[0].OnHand, items[0].Unfulfillable);
    }

    /// <summary>A call's answer, or the platform's refusal of it (a <see cref="PlatformApiException"/>), for a probe to retry on.</summary>
    private static async Task<Attempt<T>> AttemptAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return new Attempt<T>(await call(), null);
        }
        catch (PlatformApiException refused)
        {
            return new Attempt<T>(default, refused);
        }
    }

    private sealed record Attempt<T>(T? Value, PlatformApiException? Refusal);

    /// <summary>Plans a shipment through the client, trying again while Limits cannot answer (503 "try again").</summary>
    private static async Task<Guid> CreateShipmentAsync(PlatformClient partner, string center, params (string Fnsku, int Units)[] lines)
    {
        var created = await Eventually.Until(
            async () =>
            {
                var attempt = await AttemptAsync(() =>
                    partner.Receiving.CreateShipmentAsync(
                        new CreateShipmentRequest(center, lines.Select(l => new ShipmentLineRequest(l.Fnsku, l.Units, null)).ToList())
                    )
                );
                if (attempt.Refusal?.Status == HttpStatusCode.ServiceUnavailable)
                {
                    // Receiving gave up waiting for Limits; the partner tries again, as the problem says.
                    TestContext.Out.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} shipment to {center}: {attempt.Refusal.Message}");
                }

                return attempt;
            },
            a => a.Refusal?.Status != HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(90),
            "a shipment accepted"
        );
        Assert.That(created.Refusal, Is.Null, created.Refusal?.Message);
        return created.Value!.Id;
    }

    /// <summary>A return of <paramref name="quantity"/> units of a shipped order, once Returns has heard of the shipment.</summary>
    private static async Task<Guid> AuthorizeReturnAsync(
        PlatformClient partner,
        Guid orderId,
        string fnsku,
        int quantity,
        ReturnReason reason,
        TimeSpan wait
    )
    {
        var authorized = await Eventually.Until(
            () => AttemptAsync(() => partner.Returns.CreateReturnAsync(new CreateReturnRequest(orderId, fnsku, quantity, reason))),
            a => a.Refusal is null,
            wait,
            "Returns knowing the shipment"
        );
        return authorized.Value!.Id;
    }

    private static async Task<(Guid Id, string Center)> OrderAsync(
        PlatformClient partner,
        string region,
        params (string Fnsku, int Quantity)[] lines
    )
    {
        var created = await partner.Allocation.CreateOrderAsync(
            new CreateOrderRequest(
                null,
                "US",
                region,
                lines.Select(l => new OrderLineRequest(l.Fnsku, l.Quantity, new MoneyRequest(14.99m, "USD"))).ToList(),
                null
            )
        );
        var centers = created.Lines.SelectMany(l => l.Allocations).Select(a => a.FulfillmentCenter).Distinct().ToList();
        Assert.That(centers, Has.Count.EqualTo(1), string.Join(", ", created.Lines.SelectMany(l => l.Allocations)));
        return (created.Id, centers[0]);
    }

    /// <summary>Plans a shipment, trying again while Limits cannot answer (503 "try again": its bus reconnecting after an
    /// outage).</summary>
    private static async Task<Guid> CreateShipmentAsync(HttpClient partner, string center, params (string Fnsku, int Units)[] lines)
    {
        var created = await Eventually.Until(
            async () =>
            {
                var response = await partner.PostAsJsonAsync(
                    "/api/receiving/v1/shipments",
                    new { fulfillmentCenter = center, lines = lines.Select(l => new { fnsku = l.Fnsku, expectedUnits = l.Units }) }
                );
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    // Receiving gave up waiting for Limits; the partner tries again, as the problem says.
                    TestContext.Out.WriteLine(
                        $"{DateTime.UtcNow:HH:mm:ss.fff} shipment to {center}: 503 {await response.Content.ReadAsStringAsync()}"
                    );
                }

                return response;
            },
            r => r.StatusCode != HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(90),
            "a shipment accepted"
        );
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await created.ReadAsync<ShipmentResponse>()).Id;
    }

    private async Task<string> IssueKeyAsync(string seller)
    {
        using var admin = Gateway(AdminKey);
        var issued = await PostAsync(
            admin,
            "/api/gateway/v1/keys",
            new { sellerId = seller, scopes = PlatformScopes.All.Where(s => s != PlatformScopes.Admin) }
        );
        return (await issued.ReadAsync<IssuedKey>()).Key;
    }

    /// <summary>A return of <paramref name="quantity"/> units of a shipped order, once Returns has heard of the shipment.</summary>
    private static async Task<Guid> AuthorizeReturnAsync(
        HttpClient partner,
        Guid orderId,
        string fnsku,
        int quantity,
        string reason,
        TimeSpan wait
    )
    {
        var authorized = await Eventually.Until(
            () =>
                partner.PostAsJsonAsync(
                    "/api/returns/v1/returns",
                    new
                    {
                        orderId,
                        fnsku,
                        quantity,
                        reason,
                    }
                ),
            r => r.StatusCode == HttpStatusCode.Created,
            wait,
            "Returns knowing the shipment"
        );
        return (await authorized.ReadAsync<ReturnResponse>()).Id;
    }

    private static async Task<(Guid Id, string Center)> OrderAsync(
        HttpClient partner,
        string region,
        params (string Fnsku, int Quantity)[] lines
    )
    {
        var order = await PostAsync(
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
        var created = await order.ReadAsync<OrderResponse>();
        var centers = created.Lines.SelectMany(l => l.Allocations).Select(a => a.FulfillmentCenter).Distinct().ToList();
        Assert.That(centers, Has.Count.EqualTo(1), await order.Content.ReadAsStringAsync());
        return (created.Id, centers[0]);
    }

    /// <summary>POSTs and asserts success; the answer's body is read by the caller when it needs it.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body)
    {
        var response = body is null ? await client.PostAsync(path, null) : await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST {path}: {(int)response.StatusCode} {text}");
        return response;
    }

    private static async Task PutAsync(HttpClient client, string path, object body)
    {
        var response = await client.PutAsJsonAsync(path, body);
        Assert.That(
            response.IsSuccessStatusCode,
            Is.True,
            $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
        );
    }

    private static async Task<T> GetAsync<T>(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {path}: {(int)response.StatusCode} {text}");
        return await response.ReadAsync<T>();
    }
}

using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Liquidation.Api;
using InventoryPlatform.Liquidation.Domain;
using InventoryPlatform.Liquidation.Jobs;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StockResponse = InventoryPlatform.Allocation.Api.StockResponse;

namespace InventoryPlatform.IntegrationTests.LiquidationFlow;

/// <summary>
/// Liquidation against real PostgreSQL and RabbitMQ with Allocation beside it: units age on a controllable clock, a
/// recommendation is raised, and approving it takes the units off Allocation's ledger exactly once.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class LiquidationSpecs(DatabaseProvider provider)
{
    private const string Api = "/api/liquidation/v1";
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);
    private LiquidationServices _services = null!;

    [OneTimeSetUp]
    public async Task Start() => _services = await LiquidationServices.StartAsync(provider, "liquidation");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Test]
    public async Task Aged_stock_is_liquidated_on_approval_and_leaves_Allocation_once()
    {
        const string seller = "liq-aged";
        const string fnsku = "X0AGED0001";
        var client = _services.Liquidation.ClientFor(seller);
        var allocation = _services.Allocation.ClientFor(seller);
        await RegisterItemAsync(seller, fnsku, price: 20m);

        // 100 units arrive; 100 days later 50 more, and 30 ship (the oldest, first in first out).
        await ReceiveAsync(seller, fnsku, "SEA1", 100);
        _services.Clock.Advance(TimeSpan.FromDays(100));
        await ReceiveAsync(seller, fnsku, "SEA1", 50);
        await _services.Bus.Publish(
            new OrderShipped(
                Guid.NewGuid(),
                _services.Clock.GetUtcNow(),
                seller,
                Guid.NewGuid(),
                Guid.NewGuid(),
                "US",
                "SEA1",
                "US-West",
                [new OrderLine(fnsku, 30, new Money(20m, "USD"))],
                4
            )
        );
        await Eventually.Until(
            () => AgesAsync(client, fnsku),
            a => a.Days91To180 == 70,
            TimeSpan.FromSeconds(30),
            "the shipment taken from the oldest lot"
        );
        Assert.That(await AgesAsync(client, fnsku), Is.EqualTo(new Ages(50, 70, 0, 0, 0)));

        _services.Clock.Advance(TimeSpan.FromDays(300));
        Assert.That(await AgesAsync(client, fnsku), Is.EqualTo(new Ages(0, 0, 0, 50, 70)), "300 and 400 days old");
        var excess = (await GetAsync<Page<ExcessRow>>(client, $"{Api}/excess?fnsku={fnsku}")).Items[0];
        Assert.That(excess.ExcessUnits, Is.EqualTo(120));
        Assert.That(excess.DeadStock, Is.True, "last sale 300 days ago");
        // 120 units × 0.5086 ft³ (30 × 20 × 24 cm): 50 at $0.87 + $1.50 (271-365 days), 70 at $0.87 + $6.90 (365+), off-peak or peak
        // storage.
        var schedule = await GetAsync<HoldingCostScheduleResponse>(client, $"{Api}/holding-cost-schedule");
        Assert.That(schedule.AgedSurcharges.Select(s => s.PerCubicFootMonth.Amount), Is.EqualTo(new[] { 0m, 0m, 0.5m, 1.5m, 6.9m }));
        var storage = schedule.StorageFees.Single(f => f.StorageType == StorageType.Standard);
        var month = _services.Clock.GetUtcNow().Month;
        var fee = (month >= 10 ? storage.PeakPerCubicFootMonth : storage.OffPeakPerCubicFootMonth).Amount;
        var cubicFeet = Math.Round(30m * 20m * 24m / 28_316.846592m, 4);
        Assert.That(
            excess.MonthlyHoldingCost!.Amount,
            Is.EqualTo(Math.Round((50 * cubicFeet * (fee + 1.5m)) + (70 * cubicFeet * (fee + 6.9m)), 2))
        );

        var recommendation = await RecomputeAsync(client, fnsku, StockKind.Sellable);
        Assert.That(recommendation.Action, Is.EqualTo(RecommendedAction.Liquidate), recommendation.Rationale);
        Assert.That(recommendation.Quantity, Is.EqualTo(120));
        Assert.That(recommendation.OldestAgeDays, Is.EqualTo(400));
        Assert.That(
            recommendation.Options.Select(o => o.Action),
            Is.EquivalentTo(
                new[]
                {
                    RecommendedAction.Keep,
                    RecommendedAction.Markdown,
                    RecommendedAction.Promotion,
                    RecommendedAction.Liquidate,
                    RecommendedAction.RemoveToSeller,
                    RecommendedAction.Dispose,
                }
            )
        );
        var id = recommendation.Id;
        Assert.That((await RecomputeAsync(client, fnsku, StockKind.Sellable)).Id, Is.EqualTo(id), "a recompute refreshes, not duplicates");

        // Approve twice with one Idempotency-Key, then once more without: one order.
        var approved = await ApproveAsync(client, id, "liq-approve-1");
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
        var orderId = (await approved.ReadAsync<RecommendationResponse>()).OrderId ?? throw new AssertionException("no removal order");
        var replay = await ApproveAsync(client, id, "liq-approve-1");
        Assert.That((await replay.ReadAsync<RecommendationResponse>()).OrderId, Is.EqualTo(orderId));
        Assert.That((await ApproveAsync(client, id, null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM liquidation.removal_orders WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(1)
        );
        // Partners were told once that it was recommended (the second recompute refreshed it silently) and once that it was done.
        var recommended = await OutboxAsync<LiquidationRecommended>(seller);
        Assert.That(recommended.Select(e => (e.RecommendationId, e.Action, e.Quantity)), Is.EqualTo(new[] { (id, "Liquidate", 120) }));
        var executed = await OutboxAsync<LiquidationRecommendationExecuted>(seller);
        Assert.That(
            executed.Select(e => (e.RecommendationId, e.Action, e.DecidedBy, e.RemovalOrderId)),
            Is.EqualTo(new[] { (id, "Liquidate", "Seller", (Guid?)orderId) })
        );
        var order = await GetAsync<RemovalOrderResponse>(client, $"{Api}/orders/{orderId}");
        Assert.That(order.Status, Is.EqualTo(RemovalOrderStatus.Pending));
        Assert.That(order.Kind, Is.EqualTo(RemovalKind.Liquidation));
        Assert.That(order.Lines[0].Quantity, Is.EqualTo(120));

        // Fresh stock arrives while the order waits: Allocation holds 150 + 200 (it never saw the test's shipment).
        await ReceiveAsync(seller, fnsku, "SEA1", 200);
        Assert.That(
            (await PostAsync(client, $"{Api}/orders/{orderId}/complete", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.Conflict),
            "not started"
        );
        Assert.That((await PostAsync(client, $"{Api}/orders/{orderId}/start", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await PostAsync(client, $"{Api}/orders/{orderId}/complete", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await AgesAsync(client, fnsku), Is.EqualTo(new Ages(200, 0, 0, 0, 0)), "the liquidated lots leave with the completion");
        await Eventually.Until(
            () => OnHandAsync(allocation, fnsku, "SEA1"),
            onHand => onHand == 230,
            TimeSpan.FromSeconds(30),
            "Allocation taking 120 units off"
        );
        Assert.That(
            (await PostAsync(client, $"{Api}/orders/{orderId}/complete", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.Conflict),
            "completed once"
        );

        // The broker delivers the event again (a dispatcher crashed before marking it sent): still applied once.
        var sent = (
            await _services.QueryAsync<(Guid Id, string Body)>(
                "SELECT id, body FROM liquidation.outbox WHERE message_type LIKE @type",
                new { type = $"%{nameof(InventoryRemoved)}%" }
            )
        ).Single();
        var removed = System.Text.Json.JsonSerializer.Deserialize<InventoryRemoved>(sent.Body, WebJson)!;
        Assert.That(
            (removed.RemovalOrderId, removed.Quantity, removed.Reason, removed.FromUnfulfillable),
            Is.EqualTo((orderId, 120, RemovalReason.Liquidated, false))
        );
        await Eventually.Until(
            () => _services.ScalarAsync<int>("SELECT COUNT(*) FROM allocation.inbox WHERE message_id = @Id", new { sent.Id }),
            n => n == 1,
            TimeSpan.FromSeconds(10),
            "Allocation's inbox"
        );
        await Eventually.Until(
            () => _services.ScalarAsync<int>("SELECT COUNT(*) FROM liquidation.inbox WHERE message_id = @Id", new { sent.Id }),
            n => n == 1,
            TimeSpan.FromSeconds(10),
            "Liquidation's inbox"
        );
        string[] queues = ["allocation-inventory-removed", "liquidation-inventory-removed"];
        var acked = await Task.WhenAll(queues.Select(queue => TestInfrastructure.SettledQueueAcksAsync(_services.Messaging, queue)));

        await _services.Bus.Publish(removed, context => context.MessageId = sent.Id);
        for (var i = 0; i < queues.Length; i++)
        {
            var (queue, before) = (queues[i], acked[i]);
            await Eventually.Until(
                () => TestInfrastructure.QueueAcksAsync(_services.Messaging, queue),
                n => n > before,
                TimeSpan.FromSeconds(30),
                $"the duplicate consumed from {queue}"
            );
        }

        Assert.That(await OnHandAsync(allocation, fnsku, "SEA1"), Is.EqualTo(230));
        // Held when the order opened, then taken off on hand once, consuming the hold.
        Assert.That(
            await _services.QueryAsync<(string Bucket, int Quantity, string Reason)>(
                "SELECT bucket, quantity, reason FROM allocation.stock_movements WHERE source_id = @source ORDER BY occurred_at, id",
                new { source = $"removal:{orderId}" }
            ),
            Is.EquivalentTo(
                new[]
                {
                    ("PendingRemoval", 120, "RemovalHeld"),
                    ("OnHand", -120, "RemovedLiquidated"),
                    ("PendingRemoval", -120, "RemovedLiquidated"),
                }
            )
        );

        // Its own event coming back does not take the units off Liquidation's lots a second time.
        Assert.That(await AgesAsync(client, fnsku), Is.EqualTo(new Ages(200, 0, 0, 0, 0)));
        Assert.That(
            (await GetAsync<RemovalOrderResponse>(client, $"{Api}/orders/{orderId}")).Status,
            Is.EqualTo(RemovalOrderStatus.Completed)
        );
    }

    [Test]
    public async Task Damaged_receipts_and_unsellable_returns_are_removed_automatically_under_an_automatic_policy()
    {
        const string seller = "liq-damaged";
        const string fnsku = "X0DAMG0001";
        var client = _services.Liquidation.ClientFor(seller);
        var allocation = _services.Allocation.ClientFor(seller);
        await RegisterItemAsync(seller, fnsku, price: 60m);
        var policy = await client.PutAsJsonAsync(
            $"{Api}/policy",
            new
            {
                mode = "automatic",
                maxMarkdownPercent = 20,
                minAgeDays = 0,
            }
        );
        Assert.That(policy.StatusCode, Is.EqualTo(HttpStatusCode.OK), await policy.Content.ReadAsStringAsync());

        await ReceiveAsync(seller, fnsku, "EWR9", 10, UnitCondition.Damaged);
        await _services.Bus.Publish(
            new UnsellableReturnReceived(
                Guid.NewGuid(),
                _services.Clock.GetUtcNow(),
                seller,
                Guid.NewGuid(),
                Guid.NewGuid(),
                fnsku,
                "EWR9",
                5,
                ReturnGrade.Defective
            )
        );
        await Eventually.Until(
            () => UnfulfillableAsync(allocation, fnsku, "EWR9"),
            u => u == 15,
            TimeSpan.FromSeconds(30),
            "15 unfulfillable at Allocation"
        );
        await Eventually.Until(
            async () =>
                (await GetAsync<Page<AgedInventoryRow>>(client, $"{Api}/aged-inventory?fnsku={fnsku}&stockKind=unfulfillable")).Items.Sum(
                    r => r.Total
                ),
            total => total == 15,
            TimeSpan.FromSeconds(30),
            "15 unfulfillable units tracked"
        );

        var recommendation = await RecomputeAsync(client, fnsku, StockKind.Unfulfillable);
        Assert.That(recommendation.Action, Is.EqualTo(RecommendedAction.RemoveToSeller), recommendation.Rationale);
        Assert.That((recommendation.Status, recommendation.DecidedBy), Is.EqualTo((RecommendationStatus.Approved, "Policy")));
        var orderId = recommendation.OrderId ?? throw new AssertionException("no removal order");
        var order = await GetAsync<RemovalOrderResponse>(client, $"{Api}/orders/{orderId}");
        Assert.That((order.FromUnfulfillable, order.Quantity, order.Kind), Is.EqualTo((true, 15, RemovalKind.Removal)));

        await PostAsync(client, $"{Api}/orders/{orderId}/start", null);
        await PostAsync(client, $"{Api}/orders/{orderId}/complete", null);
        await Eventually.Until(
            () => UnfulfillableAsync(allocation, fnsku, "EWR9"),
            u => u == 0,
            TimeSpan.FromSeconds(30),
            "the units removed from unfulfillable"
        );
        Assert.That(await RecomputeListAsync(client, fnsku), Is.Empty, "nothing left to recommend once the units are gone");
    }

    [Test]
    public async Task A_deal_beyond_the_automatic_limit_waits_for_approval_and_then_publishes_the_new_price()
    {
        const string seller = "liq-deal";
        const string fnsku = "X0DEAL0001";
        var client = _services.Liquidation.ClientFor(seller);
        await using var prices = await EventProbe.StartAsync<PriceMarkdownRecommended>(_services.Messaging);
        await using var deals = await EventProbe.StartAsync<PromotionApproved>(_services.Messaging);
        await RegisterItemAsync(seller, fnsku, price: 50m, new Dimensions(10m, 10m, 10m, 0.3m));
        await ReceiveAsync(seller, fnsku, "SEA1", 200);
        await _services.Bus.Publish(
            new DemandForecastUpdated(
                Guid.NewGuid(),
                _services.Clock.GetUtcNow(),
                seller,
                Guid.NewGuid(),
                fnsku,
                DateOnly.FromDateTime(_services.Clock.GetUtcNow().UtcDateTime),
                91,
                91,
                [new RegionalDemand("US-West", 1, 1.4)],
                "test"
            )
        );
        await Eventually.Until(
            () => _services.ScalarAsync<int>("SELECT COUNT(*) FROM liquidation.forecasts WHERE seller_id = @seller", new { seller }),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            "the forecast known to Liquidation"
        );
        var policy = await client.PutAsJsonAsync(
            $"{Api}/policy",
            new
            {
                mode = "automatic",
                maxMarkdownPercent = 10,
                minAgeDays = 0,
            }
        );
        Assert.That(policy.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var excess = (await GetAsync<Page<ExcessRow>>(client, $"{Api}/excess?fnsku={fnsku}")).Items[0];
        Assert.That((excess.DemandSource, excess.DailyDemand, excess.ExcessUnits), Is.EqualTo((DemandSource.Forecast, 1.0, 110)));
        var recommendation = await RecomputeAsync(client, fnsku, StockKind.Sellable);
        Assert.That(recommendation.Action, Is.EqualTo(RecommendedAction.Promotion), recommendation.Rationale);
        Assert.That(recommendation.Status, Is.EqualTo(RecommendationStatus.Proposed), "a 20 % deal exceeds the automatic policy's 10 %");
        Assert.That(recommendation.RecommendedPrice!.Amount, Is.EqualTo(40m));
        Assert.That(
            await _services.ScalarAsync<int>(
                "SELECT COUNT(*) FROM liquidation.outbox WHERE message_type LIKE '%PriceMarkdownRecommended%'"
            ),
            Is.Zero
        );

        var approved = await ApproveAsync(client, recommendation.Id, null);
        Assert.That(approved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await approved.Content.ReadAsStringAsync());
        var published = await prices.WaitForAsync(p => p.SellerId == seller && p.Fnsku == fnsku, "PriceMarkdownRecommended");
        Assert.That((published.CurrentPrice, published.RecommendedPrice), Is.EqualTo((new Money(50m, "USD"), new Money(40m, "USD"))));
        Assert.That(published.Rationale, Does.StartWith("Promotion of 20 %"));
        // The approved deal, for Forecasting's calendar: from today for the configured 14 days.
        var deal = await deals.WaitForAsync(p => p.SellerId == seller && p.Fnsku == fnsku, "PromotionApproved");
        var today = DateOnly.FromDateTime(_services.Clock.GetUtcNow().UtcDateTime);
        Assert.That(
            (deal.RecommendationId, deal.StartsOn, deal.EndsOn, deal.DiscountPercent, deal.PromotionPrice, deal.DemandLift),
            Is.EqualTo((recommendation.Id, today, today.AddDays(13), 20m, new Money(40m, "USD"), (decimal?)3m))
        );
    }

    [Test]
    public async Task Bad_input_stores_nothing_and_another_sellers_resources_are_not_found()
    {
        const string seller = "liq-owner";
        const string fnsku = "X0OWNR0001";
        var client = _services.Liquidation.ClientFor(seller);
        var stranger = _services.Liquidation.ClientFor("liq-stranger");
        await RegisterItemAsync(seller, fnsku, price: 15m);
        await ReceiveAsync(seller, fnsku, "SEA1", 40);
        _services.Clock.Advance(TimeSpan.FromDays(1));

        var badPolicy = await stranger.PutAsJsonAsync($"{Api}/policy", new { maxMarkdownPercent = 95, minAgeDays = -1 });
        Assert.That(badPolicy.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await badPolicy.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys;
        Assert.That(errors, Is.EquivalentTo(new[] { "mode", "maxMarkdownPercent", "minAgeDays" }));
        var wrongType = await stranger.PutAsync(
            $"{Api}/policy",
            JsonContent.Create(
                new
                {
                    mode = "sometimes",
                    maxMarkdownPercent = 10,
                    minAgeDays = 1,
                }
            )
        );
        Assert.That(wrongType.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM liquidation.policies WHERE seller_id = 'liq-stranger'"),
            Is.Zero
        );
        Assert.That((await GetAsync<PolicyResponse>(stranger, $"{Api}/policy")).IsDefault, Is.True);

        // No demand at all: with a manual policy the stock gets a proposal the seller decides on.
        var recommendation = await RecomputeAsync(client, fnsku, StockKind.Sellable);
        var id = recommendation.Id;
        Assert.That(recommendation.Status, Is.EqualTo(RecommendationStatus.Proposed), recommendation.Rationale);

        var longNote = await client.PostAsJsonAsync($"{Api}/recommendations/{id}/approve", new { note = new string('x', 501) });
        Assert.That(longNote.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await longNote.ReadAsync<HttpValidationProblemDetails>()).Errors, Does.ContainKey("note"));
        var badJson = await client.PostAsync(
            $"{Api}/recommendations/{id}/approve",
            new StringContent("{\"note\": ", System.Text.Encoding.UTF8, "application/json")
        );
        Assert.That(badJson.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            (await GetAsync<RecommendationResponse>(client, $"{Api}/recommendations/{id}")).Status,
            Is.EqualTo(RecommendationStatus.Proposed)
        );
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM liquidation.removal_orders WHERE seller_id = @seller", new { seller }),
            Is.Zero
        );
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM liquidation.outbox"),
            Is.EqualTo(
                await _services.ScalarAsync<int>(
                    "SELECT COUNT(*) FROM liquidation.outbox WHERE body NOT LIKE @seller",
                    new { seller = $"%{seller}%" }
                ) + 1
            ),
            "no event for the seller but the proposal's own"
        );
        Assert.That(
            (await OutboxAsync<LiquidationRecommended>(seller)).Select(e => e.RecommendationId),
            Is.EqualTo(new[] { id }),
            "the proposal was announced; the refused approvals announced nothing"
        );

        Assert.That((await stranger.GetAsync($"{Api}/recommendations/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(
            (await stranger.PostAsync($"{Api}/recommendations/{id}/approve", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        Assert.That((await stranger.PostAsync($"{Api}/recommendations/{id}/reject", null)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await GetAsync<Page<AgedInventoryRow>>(stranger, $"{Api}/aged-inventory")).Items, Is.Empty);
        var peek = await stranger.GetAsync($"{Api}/recommendations?sellerId={seller}");
        Assert.That(peek.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "only admin keys read other sellers");
        var admin = _services.Liquidation.ClientFor("platform-operations", PlatformScopes.Admin);
        Assert.That(
            (await GetAsync<Page<RecommendationResponse>>(admin, $"{Api}/recommendations?sellerId={seller}")).Items.Select(r => r.Id),
            Does.Contain(id)
        );
        var readOnly = _services.Liquidation.ClientFor(seller, PlatformScopes.InventoryRead);
        Assert.That(
            (await readOnly.PostAsync($"{Api}/recommendations/{id}/approve", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden)
        );

        var rejected = await client.PostAsJsonAsync($"{Api}/recommendations/{id}/reject", new { note = "Selling it at a trade show." });
        Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ApproveAsync(client, id, null)).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await RecomputeListAsync(client, fnsku), Is.Empty, "a rejected recommendation is not raised again at once");
    }

    [Test]
    public async Task A_restocked_return_starts_ageing_when_it_is_back_on_the_shelf()
    {
        const string seller = "liq-restock";
        const string fnsku = "X0RSTK0001";
        var client = _services.Liquidation.ClientFor(seller);

        await _services.Bus.Publish(
            new ReturnRestocked(Guid.NewGuid(), _services.Clock.GetUtcNow(), seller, Guid.NewGuid(), Guid.NewGuid(), fnsku, "PHX3", 4)
        );
        await Eventually.Until(
            () => AgesAsync(client, fnsku),
            a => a.Days0To90 == 4,
            TimeSpan.FromSeconds(30),
            "the restocked units tracked"
        );
        _services.Clock.Advance(TimeSpan.FromDays(100));

        Assert.That(await AgesAsync(client, fnsku), Is.EqualTo(new Ages(0, 4, 0, 0, 0)));
        var row = (await GetAsync<Page<AgedInventoryRow>>(client, $"{Api}/aged-inventory?fnsku={fnsku}")).Items[0];
        Assert.That((row.FulfillmentCenter, row.OldestAgeDays), Is.EqualTo(("PHX3", (int?)100)));
        Assert.That(row.MonthlyHoldingCost, Is.Null, "no ItemRegistered yet: no size to charge");
        var excess = (await GetAsync<Page<ExcessRow>>(client, $"{Api}/excess?fnsku={fnsku}")).Items[0];
        Assert.That(excess.ItemRegistered, Is.False);
        Assert.That(await RecomputeListAsync(client, fnsku), Is.Empty, "without the item's price and size nothing is weighed");

        // Another service's removal takes units off too.
        await _services.Bus.Publish(
            new InventoryRemoved(
                Guid.NewGuid(),
                _services.Clock.GetUtcNow(),
                seller,
                Guid.NewGuid(),
                Guid.NewGuid(),
                fnsku,
                "PHX3",
                1,
                false,
                RemovalReason.Disposed
            )
        );
        await Eventually.Until(
            () => AgesAsync(client, fnsku),
            a => a == new Ages(0, 3, 0, 0, 0),
            TimeSpan.FromSeconds(30),
            "one unit removed elsewhere"
        );
    }

    [Test]
    public async Task Only_the_replica_holding_the_lease_runs_the_scheduled_refresh()
    {
        var refresh = _services.Liquidation.Services.GetRequiredService<JobScheduler<RecommendationRefreshJob>>();
        var claims = _services.Liquidation.Services.GetRequiredService<JobClaims>();

        var atStart = await refresh.RunIfDueAsync(CancellationToken.None);
        await claims.MakeDueAsync(refresh.Name, _services.Clock.GetUtcNow().UtcDateTime, CancellationToken.None);
        var first = await refresh.RunIfDueAsync(CancellationToken.None);
        var second = await refresh.RunIfDueAsync(CancellationToken.None);
        _services.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await refresh.RunIfDueAsync(CancellationToken.None);

        Assert.That((atStart, first, second, nextDay), Is.EqualTo((false, true, false, true)));
    }

    private sealed record Ages(int Days0To90, int Days91To180, int Days181To270, int Days271To365, int Over365);

    private async Task RegisterItemAsync(string seller, string fnsku, decimal price, Dimensions? dimensions = null)
    {
        await _services.Bus.Publish(
            new ItemRegistered(
                Guid.NewGuid(),
                _services.Clock.GetUtcNow(),
                seller,
                Guid.NewGuid(),
                fnsku,
                $"SKU-{fnsku}",
                "Test item",
                StorageType.Standard,
                dimensions ?? new Dimensions(30m, 20m, 24m, 1m),
                new Money(price, "USD"),
                false
            )
        );
        await Eventually.Until(
            () =>
                _services.ScalarAsync<int>(
                    "SELECT COUNT(*) FROM liquidation.items WHERE seller_id = @seller AND fnsku = @fnsku",
                    new { seller, fnsku }
                ),
            n => n == 1,
            TimeSpan.FromSeconds(30),
            "the item known to Liquidation"
        );
    }

    private async Task ReceiveAsync(string seller, string fnsku, string fc, int quantity, UnitCondition condition = UnitCondition.Sellable)
    {
        var client = _services.Allocation.ClientFor(seller);
        var before =
            condition == UnitCondition.Sellable ? await OnHandAsync(client, fnsku, fc) : await UnfulfillableAsync(client, fnsku, fc);
        var lots = await LotCountAsync(seller, fnsku);
        await _services.Bus.Publish(
            TestEvents.UnitsReceived(seller, fc, fnsku, quantity, condition: condition, occurredAt: _services.Clock.GetUtcNow())
        );
        await Eventually.Until(
            () => condition == UnitCondition.Sellable ? OnHandAsync(client, fnsku, fc) : UnfulfillableAsync(client, fnsku, fc),
            n => n == before + quantity,
            TimeSpan.FromSeconds(30),
            $"{quantity} units at Allocation"
        );
        await Eventually.Until(() => LotCountAsync(seller, fnsku), n => n == lots + 1, TimeSpan.FromSeconds(30), "the lot at Liquidation");
    }

    private Task<int> LotCountAsync(string seller, string fnsku) =>
        _services.ScalarAsync<int>(
            "SELECT COUNT(*) FROM liquidation.inventory_lots WHERE seller_id = @seller AND fnsku = @fnsku",
            new { seller, fnsku }
        );

    private static async Task<Ages> AgesAsync(HttpClient client, string fnsku)
    {
        var rows = (await GetAsync<Page<AgedInventoryRow>>(client, $"{Api}/aged-inventory?fnsku={fnsku}&stockKind=sellable")).Items;
        int Sum(Func<AgeBracketUnits, int> bracket) => rows.Sum(r => bracket(r.Units));
        return new Ages(
            Sum(u => u.Days0To90),
            Sum(u => u.Days91To180),
            Sum(u => u.Days181To270),
            Sum(u => u.Days271To365),
            Sum(u => u.Over365)
        );
    }

    private static async Task<RecommendationResponse> RecomputeAsync(HttpClient client, string fnsku, StockKind stockKind)
    {
        var raised = await RecomputeListAsync(client, fnsku);
        return raised.Single(r => r.StockKind == stockKind);
    }

    private static async Task<IReadOnlyList<RecommendationResponse>> RecomputeListAsync(HttpClient client, string fnsku)
    {
        var response = await client.PostAsync($"{Api}/recommendations/recompute", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadAsync<List<RecommendationResponse>>()).Where(r => r.Fnsku == fnsku)];
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient client, Guid id, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Api}/recommendations/{id}/approve");
        if (key is not null)
        {
            request.Headers.Add(IdempotentRequests.Header, key);
        }

        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object? body) =>
        body is null ? client.PostAsync(url, null) : client.PostAsJsonAsync(url, body);

    private static async Task<T> GetAsync<T>(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }

    private static async Task<int> OnHandAsync(HttpClient allocation, string fnsku, string fc) =>
        (await StockRowAsync(allocation, fnsku, fc))?.OnHand ?? 0;

    private static async Task<int> UnfulfillableAsync(HttpClient allocation, string fnsku, string fc) =>
        (await StockRowAsync(allocation, fnsku, fc))?.Unfulfillable ?? 0;

    private static async Task<StockResponse?> StockRowAsync(HttpClient allocation, string fnsku, string fc)
    {
        var items = (
            await GetAsync<Page<StockResponse>>(allocation, $"/api/allocation/v1/stock?fnsku={fnsku}&fulfillmentCenter={fc}")
        ).Items;
        return items.Count == 0 ? null : items[0];
    }

    /// <summary>The events of <typeparamref name="T"/> Liquidation wrote to its outbox for the seller.</summary>
    private async Task<IReadOnlyList<T>> OutboxAsync<T>(string seller)
        where T : IIntegrationEvent
    {
        var bodies = await _services.QueryAsync<string>(
            "SELECT body FROM liquidation.outbox WHERE message_type LIKE @type",
            new { type = $"%.{typeof(T).Name},%" }
        );
        return [.. bodies.Select(PlatformJson.OutboxBody<T>).Where(e => e.SellerId == seller)];
    }
}

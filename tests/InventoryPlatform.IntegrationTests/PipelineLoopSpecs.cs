using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Forecasting.Api;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 22, point 3: replenishment subtracts the pipeline (inbound, in transit) and rebalancing counts transfers in flight,
/// respects capacity and, under an automatic policy, creates the transfers itself from available units only.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    // A marketplace of the specs' own (two regions, each with its FC a day away and the other's two days away), so no other
    // spec's stock or demand shares its rebalancing; without demand each FC's share is one half.
    private const string PipeMarketplace = "QA";
    private const string PipeNorth = "QAN1";
    private const string PipeSouth = "QAS1";

    [Test]
    public async Task Loop_Pipe_replenishment_counts_units_in_transit_and_recommends_only_the_shortfall()
    {
        using var gateway = Gateway(SellerKey);
        var fnsku = await PlatformApi.RegisterItemAsync(gateway, $"LP-REPL-{Guid.NewGuid():N}"[..24]);
        await SellingTenADayWithThirtyOnHandAsync(gateway, fnsku);
        var before = await ReplenishmentAsync(gateway, fnsku, r => r.Available == 30, "30 available in the recommendation");
        Assert.That(before.RecommendedUnits, Is.EqualTo(before.OrderUpToLevel - 30).And.GreaterThan(12), "a shortfall to start from");

        await Succeeds(
            gateway.PostAsJsonAsync(
                "/api/allocation/v1/transfers",
                new
                {
                    fnsku,
                    fromFulfillmentCenter = "SEA1",
                    toFulfillmentCenter = "PHX3",
                    quantity = 12,
                }
            )
        );

        var after = await ReplenishmentAsync(
            gateway,
            fnsku,
            r => r.InTransit == 12 && r.Available == 18,
            "12 in transit and 18 available in the recommendation"
        );
        Assert.That((after.Available, after.Inbound, after.InTransit), Is.EqualTo((18, 0, 12)));
        Assert.That(
            after.FulfillmentCenters,
            Is.EqualTo(new[] { new StockPosition("PHX3", 0, 0, 12), new StockPosition("SEA1", 18, 0, 0) })
        );
        Assert.That(after.OrderUpToLevel, Is.EqualTo(before.OrderUpToLevel));
        Assert.That(after.RecommendedUnits, Is.EqualTo(before.RecommendedUnits), "the 12 units on their way are not asked for again");
    }

    [Test]
    public async Task Loop_Pipe_replenishment_with_an_open_ASN_recommends_only_the_shortfall()
    {
        using var gateway = Gateway(SellerKey);
        var fnsku = await PlatformApi.RegisterItemAsync(gateway, $"LP-ASN-{Guid.NewGuid():N}"[..24]);
        await SellingTenADayWithThirtyOnHandAsync(gateway, fnsku);
        var before = await ReplenishmentAsync(gateway, fnsku, r => r.Available == 30, "30 available in the recommendation");
        Assert.That(before.RecommendedUnits, Is.GreaterThan(20), "a shortfall larger than the ASN");

        var asn = await PlatformApi.CreateShipmentAsync(gateway, "SEA1", (fnsku, 20));
        await Succeeds(gateway.PostAsync($"/api/receiving/v1/shipments/{asn}/ship", null));

        var after = await ReplenishmentAsync(gateway, fnsku, r => r.Inbound == 20, "20 inbound in the recommendation");
        Assert.That((after.Available, after.Inbound, after.InTransit), Is.EqualTo((30, 20, 0)));
        Assert.That(after.RecommendedUnits, Is.EqualTo(before.RecommendedUnits - 20));
    }

    [Test]
    public async Task Loop_Pipe_rebalancing_run_twice_proposes_the_move_once_when_the_partner_created_the_transfer()
    {
        using var gateway = Gateway(SellerKey);
        await EnsurePipeMarketplaceAsync();
        await Succeeds(gateway.PutAsJsonAsync("/api/allocation/v1/rebalancing/policy", new { mode = "advise" }));
        var fnsku = await PlatformApi.RegisterItemAsync(gateway, $"LP-ADV-{Guid.NewGuid():N}"[..24]);
        await ReceiveAsync(gateway, PipeNorth, fnsku, 40);

        var first = await RebalancingAsync(gateway, fnsku);
        var proposal = first.Transfers.Single();
        Assert.That(
            (proposal.FromFulfillmentCenter, proposal.ToFulfillmentCenter, proposal.Quantity),
            Is.EqualTo((PipeNorth, PipeSouth, 20))
        );
        var advised = await (
            await gateway.PostAsync($"/api/allocation/v1/rebalancing/runs?marketplace={PipeMarketplace}", null)
        ).ReadAsync<RebalancingRunResponse>();
        Assert.That((advised.Mode, advised.Transfers.Count), Is.EqualTo((RebalancingMode.Advise, 0)), "advise creates nothing");

        await Succeeds(
            gateway.PostAsJsonAsync(
                "/api/allocation/v1/transfers",
                new
                {
                    fnsku,
                    fromFulfillmentCenter = proposal.FromFulfillmentCenter,
                    toFulfillmentCenter = proposal.ToFulfillmentCenter,
                    quantity = proposal.Quantity,
                }
            )
        );
        var second = await RebalancingAsync(gateway, fnsku);

        Assert.That(second.Transfers, Is.Empty, "the 20 units in transit count at their destination");
        Assert.That(await StockAtAsync(gateway, fnsku, PipeNorth), Is.EqualTo((20, 0, 20, 0)));
        Assert.That(await StockAtAsync(gateway, fnsku, PipeSouth), Is.EqualTo((0, 0, 0, 20)));
    }

    [Test]
    public async Task Loop_Pipe_an_automatic_policy_creates_the_transfer_once_and_leaves_reserved_units_in_place()
    {
        using var gateway = Gateway(SellerKey);
        using var admin = Gateway(AdminKey);
        await EnsurePipeMarketplaceAsync();
        var fnsku = await PlatformApi.RegisterItemAsync(gateway, $"LP-AUTO-{Guid.NewGuid():N}"[..24]);
        await ReceiveAsync(gateway, PipeNorth, fnsku, 40);
        var order = await gateway.PostAsJsonAsync(
            "/api/allocation/v1/orders",
            new
            {
                marketplace = PipeMarketplace,
                shipToRegion = "QA-North",
                lines = new[]
                {
                    new
                    {
                        fnsku,
                        quantity = 10,
                        unitPrice = new { amount = 9.99, currency = "USD" },
                    },
                },
            }
        );
        Assert.That(order.StatusCode, Is.EqualTo(HttpStatusCode.Created), await order.Content.ReadAsStringAsync());
        Assert.That(await StockAtAsync(gateway, fnsku, PipeNorth), Is.EqualTo((40, 10, 30, 0)));
        var seller = (
            await (await gateway.GetAsync("/api/allocation/v1/rebalancing/policy")).ReadAsync<RebalancingPolicyResponse>()
        ).SellerId;
        var policy = await admin.PutAsJsonAsync($"/api/allocation/v1/rebalancing/policy?sellerId={seller}", new { mode = "automatic" });
        Assert.That(policy.StatusCode, Is.EqualTo(HttpStatusCode.OK), await policy.Content.ReadAsStringAsync());
        Assert.That((await policy.ReadAsync<RebalancingPolicyResponse>()).Mode, Is.EqualTo(RebalancingMode.Automatic));

        var first = await RunRebalancingAsync(gateway);
        var second = await RunRebalancingAsync(gateway);

        var mine = first.Transfers.Where(t => t.Fnsku == fnsku).ToList();
        Assert.That(
            mine.Select(t => (t.FromFulfillmentCenter, t.ToFulfillmentCenter, t.Quantity, t.Origin)),
            Is.EqualTo(new[] { (PipeNorth, PipeSouth, 15, TransferOrigin.Rebalancer) }),
            "half of the 30 available; the 10 reserved stay"
        );
        Assert.That(second.Transfers.Where(t => t.Fnsku == fnsku), Is.Empty, "the transfer in flight is counted");
        Assert.That(await StockAtAsync(gateway, fnsku, PipeNorth), Is.EqualTo((25, 10, 15, 0)));
        Assert.That(await StockAtAsync(gateway, fnsku, PipeSouth), Is.EqualTo((0, 0, 0, 15)));
        var transfer = await (await gateway.GetAsync($"/api/allocation/v1/transfers/{mine[0].Id}")).ReadAsync<TransferResponse>();
        await Succeeds(gateway.PutAsJsonAsync("/api/allocation/v1/rebalancing/policy", new { mode = "advise" }));
        Assert.That((transfer.Status, transfer.Origin), Is.EqualTo((TransferStatus.InTransit, TransferOrigin.Rebalancer)));
    }

    [Test]
    public async Task Loop_Pipe_a_bad_rebalancing_policy_is_refused_naming_the_field_and_changes_nothing()
    {
        using var gateway = Gateway(SellerKey);
        var before = await (await gateway.GetAsync("/api/allocation/v1/rebalancing/policy")).ReadAsync<RebalancingPolicyResponse>();

        var bad = await gateway.PutAsJsonAsync("/api/allocation/v1/rebalancing/policy", new { mode = "sometimes" });
        var otherSeller = await gateway.PutAsJsonAsync(
            "/api/allocation/v1/rebalancing/policy?sellerId=someone-else",
            new { mode = "automatic" }
        );

        Assert.That(bad.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await bad.Content.ReadAsStringAsync());
        Assert.That((await bad.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys, Is.EqualTo(new[] { "mode" }));
        Assert.That(otherSeller.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var after = await (await gateway.GetAsync("/api/allocation/v1/rebalancing/policy")).ReadAsync<RebalancingPolicyResponse>();
        Assert.That(after, Is.EqualTo(before));
    }

    /// <summary>The specs' marketplace in Allocation's network (idempotent; Receiving learns it from the snapshot).</summary>
    private async Task EnsurePipeMarketplaceAsync()
    {
        using var admin = Gateway(AdminKey);
        foreach (var region in new[] { "QA-North", "QA-South" })
        {
            await Succeeds(admin.PutAsJsonAsync($"/api/allocation/v1/network/regions/{region}", new { marketplace = PipeMarketplace }));
        }

        foreach (var (fc, region) in new[] { (PipeNorth, "QA-North"), (PipeSouth, "QA-South") })
        {
            await Succeeds(
                admin.PutAsJsonAsync(
                    $"/api/allocation/v1/network/fulfillment-centers/{fc}",
                    new
                    {
                        marketplace = PipeMarketplace,
                        region,
                        storageCapacityUnits = 100_000,
                    }
                )
            );
        }

        foreach (
            var (region, fc, hours) in new[]
            {
                ("QA-North", PipeNorth, 24),
                ("QA-North", PipeSouth, 48),
                ("QA-South", PipeSouth, 24),
                ("QA-South", PipeNorth, 48),
            }
        )
        {
            await Succeeds(admin.PutAsJsonAsync($"/api/allocation/v1/network/transit-times/{region}/{fc}", new { transitHours = hours }));
        }
    }

    /// <summary>Receives sellable units at the FC (once Receiving knows the FC) and waits until the ledger has them.</summary>
    private static async Task ReceiveAsync(HttpClient gateway, string fc, string fnsku, int units)
    {
        var created = await Eventually.Until(
            () =>
                gateway.PostAsJsonAsync(
                    "/api/receiving/v1/shipments",
                    new { fulfillmentCenter = fc, lines = new[] { new { fnsku, expectedUnits = units } } }
                ),
            r => r.StatusCode != HttpStatusCode.BadRequest,
            TimeSpan.FromSeconds(30),
            $"Receiving to accept a shipment to {fc}"
        );
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var shipment = (await created.ReadAsync<InventoryPlatform.Receiving.Api.ShipmentResponse>()).Id;
        await PlatformApi.ScanAsync(gateway, shipment, fnsku, Enumerable.Range(1, units).Select(i => $"{fnsku}-{fc}-{i}"));
        await Eventually.Until(
            () => PlatformApi.StockAsync(gateway, fnsku, fc),
            s => s.OnHand == units,
            TimeSpan.FromSeconds(60),
            $"{units} on hand at {fc}"
        );
    }

    /// <summary>(on hand, reserved, available, in transit) of one FNSKU at one FC.</summary>
    private static async Task<(int OnHand, int Reserved, int Available, int InTransit)> StockAtAsync(
        HttpClient gateway,
        string fnsku,
        string fc
    )
    {
        var items = (
            await (await gateway.GetAsync($"/api/allocation/v1/stock?fnsku={fnsku}&fulfillmentCenter={fc}")).ReadAsync<
                Page<StockResponse>
            >()
        ).Items;
        return items.Count == 0 ? (0, 0, 0, 0) : (items[0].OnHand, items[0].Reserved, items[0].Available, items[0].InTransit);
    }

    private static async Task<RebalancingProposals> RebalancingAsync(HttpClient gateway, string fnsku)
    {
        var response = await gateway.GetAsync($"/api/allocation/v1/rebalancing?fnsku={fnsku}&marketplace={PipeMarketplace}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<RebalancingProposals>();
    }

    private static async Task<RebalancingRunResponse> RunRebalancingAsync(HttpClient gateway)
    {
        var response = await gateway.PostAsync($"/api/allocation/v1/rebalancing/runs?marketplace={PipeMarketplace}", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<RebalancingRunResponse>();
    }

    private static async Task<ReplenishmentResponse> ReplenishmentAsync(
        HttpClient gateway,
        string fnsku,
        Func<ReplenishmentResponse, bool> done,
        string what
    ) =>
        (
            await Eventually.Until(
                async () =>
                {
                    var response = await gateway.GetAsync($"/api/forecasting/v1/replenishment/{fnsku}");
                    return response.StatusCode == HttpStatusCode.OK ? await response.ReadAsync<ReplenishmentResponse>() : null;
                },
                r => r is not null && done(r),
                TimeSpan.FromSeconds(60),
                what
            )
        )!;

    private static async Task Succeeds(Task<HttpResponseMessage> request)
    {
        var response = await request;
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// 30 units on hand at SEA1, eight weeks of selling 10 a day in US-West, a 14-day lead time with a 7-day review, and
    /// forecasts refreshed: a recommendation with a shortfall to start from.
    /// </summary>
    private static async Task SellingTenADayWithThirtyOnHandAsync(HttpClient gateway, string fnsku)
    {
        await ReceiveAsync(gateway, "SEA1", fnsku, 30);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sales = Enumerable
            .Range(1, 56)
            .Select(d => new
            {
                date = today.AddDays(-d),
                fnsku,
                region = "US-West",
                units = 10,
            })
            .ToArray();
        await Succeeds(gateway.PostAsJsonAsync("/api/forecasting/v1/history/import", new { marketplace = "US", sales }));
        await Succeeds(
            gateway.PutAsJsonAsync(
                $"/api/forecasting/v1/replenishment/settings/{fnsku}",
                new
                {
                    leadTimeDays = 14,
                    reviewPeriodDays = 7,
                    minimumOrderQuantity = 1,
                    casePack = 1,
                }
            )
        );
        await gateway.RefreshForecastsAsync();
    }
}

using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Allocation.Domain;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Primitives;
using InventoryPlatform.Returns.Api;
using InventoryPlatform.Returns.Domain;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 22 points 5 and 7 through the gateway with every service running: an FC operator's counts adjust the ledger, are owed
/// to the seller when units were lost or damaged, and move Liquidation's lots; every service's unit counts reconcile with the
/// ledger after a flow, and a count skewed behind the platform's back is named as drift with its figures.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    [Test]
    public async Task Loop_Counts_a_count_two_short_is_lost_and_reimbursed_and_one_over_is_found_and_owes_nothing()
    {
        var seller = $"counts-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));
        using var admin = Gateway(AdminKey);
        var fnsku = await PlatformApi.RegisterItemAsync(partner, "COUNT-MUG");
        var shipment = await CreateShipmentAsync(partner, "SEA1", (fnsku, 10));
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "count", 10));
        await Eventually.Until(() => PlatformApi.StockAsync(partner, fnsku, "SEA1"), s => s.OnHand == 10, Wait, "10 on hand");
        // Two sold at 14.99: the price Returns reimburses at, as for a damaged return.
        var order = await OrderAsync(partner, "US-West", (fnsku, 2));
        await PostAsync(partner, $"/api/allocation/v1/orders/{order.Id}/shipments", new { fulfillmentCenter = order.Center });
        await Eventually.Until(
            async () => (await GetAsync<Page<FnskuReturnRate>>(partner, $"/api/returns/v1/analytics/return-rates?fnsku={fnsku}")).Items,
            rates => rates.Count == 1 && rates[0].ShippedUnits == 2,
            Wait,
            "Returns knowing the two units sold"
        );

        var lost = await CountAsync(admin, seller, fnsku, countedUnits: 6, key: $"{seller}-lost");
        var repeated = await CountAsync(admin, seller, fnsku, countedUnits: 6, key: $"{seller}-lost");

        Assert.That(lost.Status, Is.EqualTo(HttpStatusCode.Created));
        var adjustment = lost.Body.Adjustment!;
        Assert.That(
            (lost.Body.PreviousOnHand, lost.Body.OnHand, adjustment.Quantity, adjustment.Reason, adjustment.CountedUnits),
            Is.EqualTo((8, 6, -2, AdjustmentReason.Lost, 6))
        );
        Assert.That(repeated.Body.Adjustment?.Id, Is.EqualTo(adjustment.Id), "the same Idempotency-Key answers the first adjustment");
        Assert.That(await PlatformApi.StockAsync(partner, fnsku, "SEA1"), Is.EqualTo((6, 0)));
        var journal = await QueryAsync<(string Bucket, int Quantity, string Reason, string SourceId)>(
            "SELECT bucket, quantity, reason, source_id FROM allocation.stock_movements "
                + $"WHERE seller_id = '{seller}' AND reason LIKE 'Adjusted%'"
        );
        Assert.That(journal, Is.EqualTo(new[] { ("OnHand", -2, "AdjustedLost", $"adjustment:{adjustment.Id}") }));
        var published = await ScalarAsync<int>(
            $"SELECT COUNT(*) FROM allocation.outbox WHERE message_type LIKE '%InventoryAdjusted%' AND body LIKE '%{adjustment.Id}%'"
        );
        Assert.That(published, Is.EqualTo(1), "one InventoryAdjusted for the adjustment");

        var reimbursements = await Eventually.Until(
            async () => (await GetAsync<Page<ReimbursementResponse>>(partner, "/api/returns/v1/reimbursements")).Items,
            items => items.Count > 0,
            Wait,
            "the lost units reimbursed"
        );
        Assert.That(
            reimbursements.Select(r => (r.Reason, r.AdjustmentId, r.ReturnId, r.Fnsku, r.Units, r.UnitPrice.Amount, r.Amount.Amount)),
            Is.EqualTo(new[] { (ReimbursementReason.Lost, (Guid?)adjustment.Id, (Guid?)null, fnsku, 2, 14.99m, 29.98m) })
        );

        var found = await CountAsync(admin, seller, fnsku, countedUnits: 7, key: null);

        Assert.That(found.Status, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(
            (found.Body.PreviousOnHand, found.Body.OnHand, found.Body.Adjustment!.Quantity, found.Body.Adjustment.Reason),
            Is.EqualTo((6, 7, 1, AdjustmentReason.Found))
        );
        var listed = await GetAsync<Page<AdjustmentResponse>>(admin, $"/api/allocation/v1/admin/adjustments?sellerId={seller}");
        Assert.That(
            listed.Items.Select(a => (a.Quantity, a.Reason)),
            Is.EqualTo(new[] { (-2, AdjustmentReason.Lost), (1, AdjustmentReason.Found) })
        );
        // Returns has taken the found units' event (its inbox holds it) and owes nothing more for it.
        await Eventually.Until(
            () =>
                ScalarAsync<int>(
                    "SELECT COUNT(*) FROM returns.inbox i JOIN allocation.outbox o ON o.id = i.message_id "
                        + $"WHERE o.body LIKE '%{found.Body.Adjustment.Id}%'"
                ),
            n => n == 1,
            Wait,
            "Returns consuming the found units' InventoryAdjusted"
        );
        var after = (await GetAsync<Page<ReimbursementResponse>>(partner, "/api/returns/v1/reimbursements")).Items;
        Assert.That(after.Select(r => r.Id), Is.EqualTo(reimbursements.Select(r => r.Id)), "units found owe nothing");
        // Liquidation's lots followed both adjustments (8 − 2 + 1 = 7 sellable units at SEA1), as did every other projection.
        var reconciled = await ReconcileUntilAsync(admin, seller, r => r.Drifts.Count == 0, "no drift after the counts");
        Assert.That(reconciled.Drifts, Is.Empty);
        var lots = await GetAsync<UnitCounts>(admin, $"/api/liquidation/v1/admin/unit-counts?sellerId={seller}&fnsku={fnsku}");
        Assert.That(
            lots.Counts.Where(c => c.Position == StockPositions.OnHand).Select(c => (c.FulfillmentCenter, c.Units)),
            Is.EqualTo(new[] { ("SEA1", 7) })
        );
    }

    [Test]
    public async Task Loop_Counts_bad_counts_get_problem_details_and_store_nothing()
    {
        var seller = $"badcount-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));
        using var admin = Gateway(AdminKey);
        var fnsku = await PlatformApi.RegisterItemAsync(partner, "COUNT-BAD");
        var shipment = await CreateShipmentAsync(partner, "SEA1", (fnsku, 5));
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "bad", 5));
        await Eventually.Until(() => PlatformApi.StockAsync(partner, fnsku, "SEA1"), s => s.OnHand == 5, Wait, "5 on hand");
        // Three of the five are promised to an order: a count may not go below them.
        await OrderAsync(partner, "US-West", (fnsku, 3));

        var notAdmin = await partner.PostAsJsonAsync(
            "/api/allocation/v1/admin/cycle-counts",
            new
            {
                sellerId = seller,
                fnsku,
                fulfillmentCenter = "SEA1",
                countedUnits = 1,
            }
        );
        var invalid = await admin.PostAsJsonAsync(
            "/api/allocation/v1/admin/cycle-counts",
            new
            {
                sellerId = "not a seller!",
                fnsku = "NOT-AN-FNSKU",
                fulfillmentCenter = "NOPE",
                reason = "misplaced",
                bin = new string('B', 40),
            }
        );
        var negative = await admin.PostAsJsonAsync(
            "/api/allocation/v1/admin/cycle-counts",
            new
            {
                sellerId = seller,
                fnsku,
                fulfillmentCenter = "SEA1",
                countedUnits = -1,
            }
        );
        var belowReserved = await admin.PostAsJsonAsync(
            "/api/allocation/v1/admin/cycle-counts",
            new
            {
                sellerId = seller,
                fnsku,
                fulfillmentCenter = "SEA1",
                countedUnits = 2,
            }
        );
        var foundFewer = await admin.PostAsJsonAsync(
            "/api/allocation/v1/admin/cycle-counts",
            new
            {
                sellerId = seller,
                fnsku,
                fulfillmentCenter = "SEA1",
                countedUnits = 4,
                reason = "found",
            }
        );
        var lostMore = await admin.PostAsJsonAsync(
            "/api/allocation/v1/admin/cycle-counts",
            new
            {
                sellerId = seller,
                fnsku,
                fulfillmentCenter = "SEA1",
                countedUnits = 6,
                reason = "damagedInWarehouse",
            }
        );
        var noSeller = await admin.GetAsync("/api/allocation/v1/admin/reconciliation");
        var partnerReconciles = await partner.GetAsync($"/api/allocation/v1/admin/reconciliation?sellerId={seller}");
        var badUnitCounts = await admin.GetAsync("/api/limits/v1/admin/unit-counts?fnsku=NOT-AN-FNSKU");

        Assert.That(notAdmin.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            (await invalid.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys,
            Is.EquivalentTo(new[] { "sellerId", "fnsku", "fulfillmentCenter", "countedUnits", "reason", "bin" })
        );
        Assert.That(negative.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await negative.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys, Is.EqualTo(new[] { "countedUnits" }));
        Assert.That(belowReserved.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await belowReserved.Content.ReadAsStringAsync());
        Assert.That(
            (await belowReserved.ReadAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>()).Detail,
            Is.EqualTo(
                "3 of the 5 units on hand are reserved for orders and 0 held for removal orders; a count of 2 would take units they hold."
            )
        );
        Assert.That(foundFewer.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(lostMore.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(noSeller.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await noSeller.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys, Is.EqualTo(new[] { "sellerId" }));
        Assert.That(partnerReconciles.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(badUnitCounts.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            (await badUnitCounts.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys,
            Is.EquivalentTo(new[] { "sellerId", "fnsku" })
        );
        Assert.That(await ScalarAsync<int>($"SELECT COUNT(*) FROM allocation.adjustments WHERE seller_id = '{seller}'"), Is.Zero);
        Assert.That(
            await ScalarAsync<int>(
                $"SELECT COUNT(*) FROM allocation.stock_movements WHERE seller_id = '{seller}' AND reason LIKE 'Adjusted%'"
            ),
            Is.Zero
        );
        var stock = await GetAsync<Page<StockResponse>>(partner, $"/api/allocation/v1/stock?fnsku={fnsku}");
        Assert.That(stock.Items.Select(s => (s.FulfillmentCenter, s.OnHand, s.Reserved)), Is.EqualTo(new[] { ("SEA1", 5, 3) }));
    }

    [Test]
    public async Task Loop_Counts_reconciliation_finds_no_drift_after_receipt_shipment_and_return_and_names_a_skewed_count()
    {
        var seller = $"recon-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));
        using var admin = Gateway(AdminKey);
        var fnsku = await PlatformApi.RegisterItemAsync(partner, "RECON-MUG");
        var shipment = await CreateShipmentAsync(partner, "SEA1", (fnsku, 10));
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "recon", 9));
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "recon-dmg", 1), condition: "damaged");
        await Eventually.Until(() => PlatformApi.StockAsync(partner, fnsku, "SEA1"), s => s == (9, 1), Wait, "9 on hand, 1 damaged");
        var order = await OrderAsync(partner, "US-West", (fnsku, 3));
        await PostAsync(partner, $"/api/allocation/v1/orders/{order.Id}/shipments", new { fulfillmentCenter = order.Center });
        var returnId = await AuthorizeReturnAsync(partner, order.Id, fnsku, 1, "customerChangedMind", Wait);
        var returned = Units(seller, "recon-ret", 1);
        await PostAsync(
            partner,
            "/api/returns/v1/receipts",
            new
            {
                fulfillmentCenter = "SEA1",
                returnId,
                unitIds = returned,
            }
        );
        await PostAsync(
            partner,
            $"/api/returns/v1/returns/{returnId}/inspections",
            new
            {
                unitIds = returned,
                grade = "sellable",
                inspector = "qa",
            }
        );
        // SEA1: 9 − 3 shipped + 1 restocked = 7 on hand, 1 unfulfillable.
        await Eventually.Until(() => PlatformApi.StockAsync(partner, fnsku, "SEA1"), s => s == (7, 1), Wait, "the return restocked");

        var clean = await ReconcileUntilAsync(admin, seller, r => r.Drifts.Count == 0, "every projection caught up with the ledger");

        Assert.That(clean.Services, Is.EquivalentTo(new[] { "liquidation", "limits", "forecasting" }));
        Assert.That(clean.Drifts, Is.Empty);
        Assert.That(clean.Unreachable, Is.Empty);

        // Behind the platform's back: Limits counts 5 more on hand, Forecasting 2 fewer available.
        Assert.That(
            await UpdateAsync($"UPDATE limits.stock SET on_hand = on_hand + 5 WHERE seller_id = '{seller}' AND fnsku = '{fnsku}'"),
            Is.EqualTo(1)
        );
        Assert.That(
            await UpdateAsync($"UPDATE forecasting.stock SET available = available - 2 WHERE seller_id = '{seller}' AND fnsku = '{fnsku}'"),
            Is.EqualTo(1)
        );
        var skewed = await GetAsync<ReconciliationResponse>(admin, $"/api/allocation/v1/admin/reconciliation?sellerId={seller}");

        Assert.That(
            skewed.Drifts.OrderBy(d => d.Service, StringComparer.Ordinal),
            Is.EqualTo(
                new[]
                {
                    new StockDrift("forecasting", seller, fnsku, "SEA1", StockPositions.Available, 7, 5),
                    new StockDrift("limits", seller, fnsku, "SEA1", StockPositions.OnHand, 7, 12),
                }
            )
        );
        Assert.That(skewed.Unreachable, Is.Empty);
    }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private async Task<ReconciliationResponse> ReconcileUntilAsync(
        HttpClient admin,
        string seller,
        Func<ReconciliationResponse, bool> done,
        string what
    ) =>
        await Eventually.Until(
            () => GetAsync<ReconciliationResponse>(admin, $"/api/allocation/v1/admin/reconciliation?sellerId={seller}"),
            r => r.Unreachable.Count == 0 && done(r),
            Wait,
            what
        );

    private static async Task<(HttpStatusCode Status, CycleCountResponse Body)> CountAsync(
        HttpClient admin,
        string seller,
        string fnsku,
        int countedUnits,
        string? key
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/allocation/v1/admin/cycle-counts")
        {
            Content = JsonContent.Create(
                new
                {
                    sellerId = seller,
                    fnsku,
                    fulfillmentCenter = "SEA1",
                    countedUnits,
                    bin = "A-01",
                }
            ),
        };
        if (key is not null)
        {
            request.Headers.Add(IdempotentRequests.Header, key);
        }

        var response = await admin.SendAsync(request);
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        return (response.StatusCode, await response.ReadAsync<CycleCountResponse>());
    }

    /// <summary>Runs an UPDATE straight on the database; the rows it changed.</summary>
    private Task<int> UpdateAsync(string update) =>
        ScalarAsync<int>($"WITH changed AS ({update} RETURNING 1) SELECT CAST(COUNT(*) AS integer) FROM changed");
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Allocation.Data;
using InventoryPlatform.Forecasting.Data;
using InventoryPlatform.Liquidation.Api;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 25 point 5 through the gateway with every service running: incremental sync of the stock by a changedSince cursor
/// under concurrent writers, and the journal export for reconciliation in NDJSON and CSV.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    private static readonly TimeSpan SyncWait = TimeSpan.FromSeconds(90);

    [Test]
    public async Task Loop_Sync_changedSince_under_eight_concurrent_writers_sees_every_final_balance_and_repeats_none_in_a_walk()
    {
        var seller = $"sync-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));
        var fnskus = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            fnskus.Add(await PlatformApi.RegisterItemAsync(partner, $"SYNC-{i}"));
        }

        var first = await CreateShipmentAsync(partner, "SEA1", fnskus.Select(f => (f, 30)).ToArray());
        foreach (var (fnsku, i) in fnskus.Select((f, i) => (f, i)))
        {
            await PlatformApi.ScanAsync(partner, first, fnsku, Units(seller, $"first{i}", 30));
        }

        await Eventually.Until(() => SyncStockAsync(seller), s => s.Count == 4 && s.All(r => r.OnHand == 30), SyncWait, "30 of each");
        var second = await CreateShipmentAsync(partner, "SEA1", fnskus.Select(f => (f, 10)).ToArray());

        // The reader walks changedSince from the beginning while 8 writers change the balances.
        var writersDone = new TaskCompletionSource();
        var walks = new List<List<StockChangeResponse>>();
        var reader = Task.Run(async () =>
        {
            var cursor = "0";
            var walk = new List<StockChangeResponse>();
            while (true)
            {
                var page = await GetAsync<StockChangesPage>(partner, $"/api/allocation/v1/stock?changedSince={cursor}&limit=2");
                walk.AddRange(page.Items);
                cursor = page.NextCursor;
                if (page.CaughtUp)
                {
                    // A walk ends only when caught up: its rows were all handed out, and the cursor moves past them.
                    walks.Add(walk);
                    walk = [];
                    if (writersDone.Task.IsCompleted && walks.Count >= 2)
                    {
                        break;
                    }

                    await Task.Delay(20);
                }
            }

            return cursor;
        });
        var ordered = new ConcurrentDictionary<string, int>();
        var writers = Enumerable
            .Range(0, 8)
            .Select(w =>
                Task.Run(async () =>
                {
                    for (var round = 0; round < 5; round++)
                    {
                        if (w < 6)
                        {
                            var fnsku = fnskus[(w + round) % 4];
                            await OrderAsync(partner, "US-West", (fnsku, 1));
                            ordered.AddOrUpdate(fnsku, 1, (_, n) => n + 1);
                        }
                        else
                        {
                            // Two scanners, each receiving two FNSKUs of the second shipment a unit at a time.
                            foreach (var f in new[] { (w - 6) * 2, ((w - 6) * 2) + 1 })
                            {
                                await PlatformApi.ScanAsync(partner, second, fnskus[f], Units(seller, $"second{f}-{round}", 2));
                            }
                        }
                    }
                })
            )
            .ToList();
        await Task.WhenAll(writers);
        var expected = fnskus.ToDictionary(f => f, f => (OnHand: 40, Reserved: ordered.GetValueOrDefault(f)));
        Assert.That(expected.Values.Sum(e => e.Reserved), Is.EqualTo(30), "30 orders of one unit");
        var final = await Eventually.Until(
            () => SyncStockAsync(seller),
            s => s.Count == 4 && s.All(r => (r.OnHand, r.Reserved) == expected[r.Fnsku]),
            SyncWait,
            "every scan and order on the ledger"
        );
        writersDone.SetResult();
        var cursorAfter = await reader;

        // Later walks, with no writer left, bring the reader up to date; a change missed would never come.
        var seen = new Dictionary<string, StockChangeResponse>();
        foreach (var change in walks.SelectMany(w => w))
        {
            if (seen.TryGetValue(change.Fnsku + change.FulfillmentCenter, out var earlier))
            {
                Assert.That(change.Version, Is.GreaterThan(earlier.Version), "a later walk hands out a newer version");
            }

            seen[change.Fnsku + change.FulfillmentCenter] = change;
        }

        var writtenWalks = walks.Count;
        var cursor = cursorAfter;
        bool UpToDate() =>
            seen.Count == final.Count
            && final.All(r => seen.TryGetValue(r.Fnsku + r.FulfillmentCenter, out var c) && c.Version == r.Version);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!UpToDate() && DateTime.UtcNow < deadline)
        {
            // A transaction still open somewhere holds the watermark back for a moment: walk again until it has moved.
            var tail = await WalkAsync(partner, cursor);
            walks.Add(tail.Items);
            cursor = tail.Cursor;
            foreach (var change in tail.Items)
            {
                seen[change.Fnsku + change.FulfillmentCenter] = change;
            }

            await Task.Delay(100);
        }

        TestContext.Out.WriteLine(
            $"{writtenWalks} walks during the writes, {walks.Sum(w => w.Count)} changes, {walks.Count - writtenWalks} walks after"
        );
        foreach (var walk in walks)
        {
            Assert.That(walk.Select(c => c.Fnsku + c.FulfillmentCenter), Is.Unique, "no row twice within one walk");
        }

        Assert.That(writtenWalks, Is.GreaterThanOrEqualTo(2));
        Assert.That(walks.Take(writtenWalks).Count(w => w.Count > 0), Is.GreaterThan(1), "changes came through walks during the writes");
        Assert.That(
            seen.Values.OrderBy(c => c.Fnsku).Select(c => (c.Fnsku, c.FulfillmentCenter, c.OnHand, c.Reserved, c.Version)),
            Is.EqualTo(final.OrderBy(r => r.Fnsku).Select(r => (r.Fnsku, r.FulfillmentCenter, r.OnHand, r.Reserved, r.Version))),
            "every balance seen at its latest version"
        );
        var again = await WalkAsync(partner, cursor);
        Assert.That(again.Items, Is.Empty, "nothing changed since the last cursor");
    }

    [Test]
    public async Task Loop_Sync_a_change_committed_after_a_later_one_is_handed_out_not_skipped()
    {
        var seller = $"order-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));
        var early = await PlatformApi.RegisterItemAsync(partner, "SYNC-EARLY");
        var late = await PlatformApi.RegisterItemAsync(partner, "SYNC-LATE");
        var shipment = await CreateShipmentAsync(partner, "SEA1", (early, 5), (late, 5));
        await PlatformApi.ScanAsync(partner, shipment, early, Units(seller, "early", 5));
        await PlatformApi.ScanAsync(partner, shipment, late, Units(seller, "late", 5));
        await Eventually.Until(() => SyncStockAsync(seller), s => s.Count == 2 && s.All(r => r.OnHand == 5), SyncWait, "5 of each");
        var start = await WalkAsync(partner, "0");
        Assert.That(start.Items.Select(i => (i.Fnsku, i.OnHand, i.Reserved)), Is.EquivalentTo(new[] { (early, 5, 0), (late, 5, 0) }));

        // A writer takes its stamp first and commits last: it rewrites the early balance (unchanged) and stays open while an
        // order for the late FNSKU, stamped after it, commits.
        await using var connection = new Npgsql.NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var slow = await connection.BeginTransactionAsync();
        await using (var touch = new Npgsql.NpgsqlCommand(
            $"UPDATE allocation.stock_balances SET updated_at = updated_at WHERE seller_id = '{seller}' AND fnsku = '{early}'",
            connection,
            slow
        ))
        {
            Assert.That(await touch.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        await OrderAsync(partner, "US-West", (late, 1));
        var whileOpen = await WalkAsync(partner, start.Cursor);
        await slow.CommitAsync();
        var afterCommit = await WalkAsync(partner, whileOpen.Cursor);

        Assert.That(whileOpen.Items, Is.Empty, "the order's change waits while a transaction stamped before it is still running");
        Assert.That(
            afterCommit.Items.Select(i => (i.Fnsku, i.OnHand, i.Reserved)),
            Is.EquivalentTo(new[] { (early, 5, 0), (late, 5, 1) }),
            "both changes handed out once the earlier one committed"
        );
        Assert.That((await WalkAsync(partner, afterCommit.Cursor)).Items, Is.Empty);
    }

    [Test]
    public async Task Loop_Sync_the_journal_export_streams_exactly_the_sellers_rows_as_NDJSON_and_CSV()
    {
        var seller = $"export-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));
        var fnsku = await PlatformApi.RegisterItemAsync(partner, "EXPORT-1");
        var shipment = await CreateShipmentAsync(partner, "SEA1", (fnsku, 12));
        await PlatformApi.ScanAsync(partner, shipment, fnsku, Units(seller, "export", 12));
        await Eventually.Until(() => PlatformApi.StockAsync(partner, fnsku, "SEA1"), s => s.OnHand == 12, SyncWait, "12 on hand");
        for (var i = 0; i < 3; i++)
        {
            await OrderAsync(partner, "US-West", (fnsku, 2));
        }

        var journal = await QueryAsync<(Guid Id, string Bucket, int Quantity, DateTime OccurredAt)>(
            $"SELECT id, bucket, quantity, occurred_at FROM allocation.stock_movements WHERE seller_id = '{seller}'"
        );
        Assert.That(journal.Where(j => j.Bucket == "Reserved").Sum(j => j.Quantity), Is.EqualTo(6));
        var from = Iso(journal.Min(j => j.OccurredAt).AddSeconds(-1));
        var to = Iso(journal.Max(j => j.OccurredAt).AddSeconds(1));

        var ndjson = await ExportAsync(partner, $"from={from}&to={to}", "application/x-ndjson");
        var defaulted = await ExportAsync(partner, $"from={from}&to={to}", null);
        var csv = await ExportAsync(partner, $"from={from}&to={to}", "text/csv");

        Assert.That(ndjson.ContentType, Is.EqualTo("application/x-ndjson"));
        Assert.That(defaulted.ContentType, Is.EqualTo("application/x-ndjson"));
        Assert.That(csv.ContentType, Is.EqualTo("text/csv"));
        var fromJson = ndjson.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonSerializer.Deserialize<JournalEntry>(l, JsonDefaults.Options)!)
            .ToList();
        var csvLines = csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(csvLines[0], Is.EqualTo("id,fnsku,fulfillmentCenter,bucket,quantity,reason,sourceId,occurredAt"));
        var fromCsv = csvLines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.That(fromCsv.All(f => f.Length == 8), Is.True, csv.Body);
        Assert.That(defaulted.Body, Is.EqualTo(ndjson.Body));
        Assert.That(fromJson.Select(e => e.Id), Is.EquivalentTo(journal.Select(j => j.Id)), "exactly the seller's journal rows");
        Assert.That(fromCsv.Select(f => Guid.Parse(f[0])), Is.EqualTo(fromJson.Select(e => e.Id)), "the same rows, in the same order");
        Assert.That(fromJson.Select(e => e.OccurredAt), Is.Ordered, "oldest first");
        Assert.That(fromJson.All(e => e.Fnsku == fnsku && e.FulfillmentCenter == "SEA1"), Is.True);
        foreach (var bucket in journal.Select(j => j.Bucket).Distinct())
        {
            var sum = journal.Where(j => j.Bucket == bucket).Sum(j => j.Quantity);
            Assert.That(fromJson.Where(e => e.Bucket == bucket).Sum(e => e.Quantity), Is.EqualTo(sum), bucket);
            Assert.That(
                fromCsv.Where(f => f[3] == bucket).Sum(f => int.Parse(f[4], CultureInfo.InvariantCulture)),
                Is.EqualTo(sum),
                bucket
            );
        }

        Assert.That(fromJson.Where(e => e.Bucket == "OnHand").Sum(e => e.Quantity), Is.EqualTo(12));
        // to is exclusive: up to the last movement's instant leaves out the movements of that instant.
        var last = journal.Max(j => j.OccurredAt);
        var before = await ExportAsync(partner, $"from={from}&to={Iso(last)}", null);
        Assert.That(
            before.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length,
            Is.EqualTo(journal.Count(j => j.OccurredAt < last))
        );
        using var stranger = Gateway(await IssueKeyAsync($"other-{Guid.NewGuid():N}"[..20]));
        var other = await ExportAsync(stranger, $"from={from}&to={to}", null);
        Assert.That(other.Body, Is.Empty, "another seller sees none of these rows");
    }

    [Test]
    public async Task Loop_Sync_bad_export_times_and_bad_cursors_are_400s_naming_the_field()
    {
        using var partner = Gateway(await IssueKeyAsync($"badsync-{Guid.NewGuid():N}"[..20]));

        await AssertBadAsync(partner, "/api/allocation/v1/ledger/entries?to=2026-12-01T00:00:00Z", "from");
        await AssertBadAsync(partner, "/api/allocation/v1/ledger/entries?from=2026-12-01T00:00:00Z&to=tomorrow", "to");
        await AssertBadAsync(partner, "/api/allocation/v1/ledger/entries?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", "to");
        await AssertBadAsync(partner, "/api/allocation/v1/stock?changedSince=not-a-cursor", "changedSince");
        await AssertBadAsync(partner, "/api/allocation/v1/stock?changedSince=MXwy", "changedSince");
        await AssertBadAsync(partner, "/api/allocation/v1/stock?changedSince=0&fnsku=X000000001", "fnsku");
        await AssertBadAsync(partner, "/api/allocation/v1/stock?changedSince=0&limit=501", "limit");
    }

    [Test]
    public async Task Loop_Sync_restock_recommendations_and_aged_inventory_download_as_CSV_with_the_rows_of_the_JSON()
    {
        var seller = $"csv-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));
        var fnsku = await PlatformApi.RegisterItemAsync(partner, "CSV-REPL");
        await SellingTenADayWithThirtyOnHandAsync(partner, fnsku);
        await ReplenishmentAsync(partner, fnsku, r => r.Available == 30, "30 available in the recommendation");
        var aged = await Eventually.Until(
            async () => (await GetAsync<Page<AgedInventoryRow>>(partner, $"/api/liquidation/v1/aged-inventory?fnsku={fnsku}")).Items,
            rows => rows.Sum(r => r.Total) == 30,
            SyncWait,
            "Liquidation aging the 30 units"
        );

        var recommendations = (await GetAsync<Page<RecommendationRecord>>(partner, "/api/forecasting/v1/replenishment")).Items;
        var recommendationsCsv = await CsvAsync(partner, "/api/forecasting/v1/replenishment");
        var agedCsv = await CsvAsync(partner, "/api/liquidation/v1/aged-inventory");

        Assert.That(recommendations, Has.Count.EqualTo(1));
        var r = recommendations[0];
        Assert.That(
            recommendationsCsv,
            Is.EqualTo(
                new[]
                {
                    "fnsku,available,inbound,inTransit,leadTimeDemand,safetyStock,reorderPoint,orderUpToLevel,recommendedUnits,"
                        + "daysOfSupply,urgency,shipBy,evaluatedAt",
                    string.Join(
                        ',',
                        Csv.Field(r.Fnsku),
                        Csv.Field(r.Available),
                        Csv.Field(r.Inbound),
                        Csv.Field(r.InTransit),
                        Csv.Field(r.LeadTimeDemand),
                        Csv.Field(r.SafetyStock),
                        Csv.Field(r.ReorderPoint),
                        Csv.Field(r.OrderUpToLevel),
                        Csv.Field(r.RecommendedUnits),
                        Csv.Field(r.DaysOfSupply),
                        Csv.Field(r.Urgency),
                        Csv.Field(r.ShipBy),
                        Csv.Field(r.EvaluatedAt)
                    ),
                }
            )
        );
        Assert.That(recommendationsCsv[1].Split(',')[..3], Is.EqualTo(new[] { fnsku, "30", "0" }));
        Assert.That(int.Parse(recommendationsCsv[1].Split(',')[8], CultureInfo.InvariantCulture), Is.GreaterThan(0));
        Assert.That(
            agedCsv[0],
            Is.EqualTo(
                "fnsku,fulfillmentCenter,stockKind,days0To90,days91To180,days181To270,days271To365,over365,total,oldestAgeDays,"
                    + "monthlyHoldingCost,currency"
            )
        );
        Assert.That(
            agedCsv.Skip(1).Select(l => string.Join(',', l.Split(',')[..9])),
            Is.EqualTo(
                aged.Select(a =>
                    $"{a.Fnsku},{a.FulfillmentCenter},sellable,{a.Units.Days0To90},{a.Units.Days91To180},{a.Units.Days181To270},"
                    + $"{a.Units.Days271To365},{a.Units.Over365},30"
                )
            ),
            string.Join("\n", agedCsv)
        );
        Assert.That(
            agedCsv.Skip(1).Select(l => l.Split(',')[9..]),
            Is.EqualTo(aged.Select(a => new[] { Csv.Field(a.OldestAgeDays), Csv.Field(a.MonthlyHoldingCost!.Amount), "USD" }))
        );
    }

    [Test]
    public async Task Loop_Sync_stock_by_seller_SKU_and_totals_per_marketplace_sum_the_FCs_of_each_marketplace()
    {
        var seller = $"sku-{Guid.NewGuid():N}"[..20];
        using var partner = Gateway(await IssueKeyAsync(seller));
        var kettle = await PlatformApi.RegisterItemAsync(partner, "SKU-KETTLE");
        var toaster = await PlatformApi.RegisterItemAsync(partner, "SKU-TOASTER");
        var us = await CreateShipmentAsync(partner, "SEA1", (kettle, 10), (toaster, 4));
        await PlatformApi.ScanAsync(partner, us, kettle, Units(seller, "k-us", 10));
        await PlatformApi.ScanAsync(partner, us, toaster, Units(seller, "t-us", 4));
        var uk = await CreateShipmentAsync(partner, "LTN1", (kettle, 6));
        await PlatformApi.ScanAsync(partner, uk, kettle, Units(seller, "k-uk", 6));
        await Eventually.Until(() => SyncStockAsync(seller), s => s.Sum(r => r.OnHand) == 20, SyncWait, "20 units on hand");
        await OrderAsync(partner, "US-West", (kettle, 3));

        var bySku = await Eventually.Until(
            async () => (await GetAsync<Page<StockResponse>>(partner, "/api/allocation/v1/stock?sellerSku=SKU-KETTLE")).Items,
            items => items.Count == 2,
            SyncWait,
            "Allocation knowing the kettle's seller SKU"
        );
        Assert.That(
            bySku.Select(r => (r.Fnsku, r.FulfillmentCenter, r.OnHand, r.Reserved, r.Available)),
            Is.EqualTo(new[] { (kettle, "LTN1", 6, 0, 6), (kettle, "SEA1", 10, 3, 7) })
        );
        var atSea1 = await GetAsync<Page<StockResponse>>(partner, "/api/allocation/v1/stock?sellerSku=SKU-KETTLE&fulfillmentCenter=SEA1");
        Assert.That(atSea1.Items.Select(r => (r.Fnsku, r.FulfillmentCenter)), Is.EqualTo(new[] { (kettle, "SEA1") }));
        var toasters = await Eventually.Until(
            async () => (await GetAsync<Page<StockResponse>>(partner, "/api/allocation/v1/stock?sellerSku=SKU-TOASTER")).Items,
            items => items.Count == 1,
            SyncWait,
            "Allocation knowing the toaster's seller SKU"
        );
        Assert.That(toasters.Select(r => (r.Fnsku, r.OnHand)), Is.EqualTo(new[] { (toaster, 4) }));
        var none = await GetAsync<Page<StockResponse>>(partner, "/api/allocation/v1/stock?sellerSku=SKU-NOTHING");
        Assert.That(none.Items, Is.Empty);

        var totals = await GetAsync<List<MarketplaceStock>>(partner, "/api/allocation/v1/stock/marketplaces");
        Assert.That(
            totals.Select(t => (t.Marketplace, t.OnHand, t.Reserved, t.Available)),
            Is.EqualTo(new[] { ("UK", 6, 0, 6), ("US", 14, 3, 11) })
        );
        var kettleTotals = await GetAsync<List<MarketplaceStock>>(partner, "/api/allocation/v1/stock/marketplaces?sellerSku=SKU-KETTLE");
        Assert.That(
            kettleTotals.Select(t => (t.Marketplace, t.OnHand, t.Reserved, t.Available)),
            Is.EqualTo(new[] { ("UK", 6, 0, 6), ("US", 10, 3, 7) })
        );
        var toasterTotals = await GetAsync<List<MarketplaceStock>>(partner, $"/api/allocation/v1/stock/marketplaces?fnsku={toaster}");
        Assert.That(toasterTotals.Select(t => (t.Marketplace, t.OnHand, t.Available)), Is.EqualTo(new[] { ("US", 4, 4) }));

        // Seller SKUs are the seller's own names: another seller asking for the same SKU sees none of these.
        using var stranger = Gateway(await IssueKeyAsync($"other-{Guid.NewGuid():N}"[..20]));
        Assert.That((await GetAsync<Page<StockResponse>>(stranger, "/api/allocation/v1/stock?sellerSku=SKU-KETTLE")).Items, Is.Empty);
        var strangerTotals = await GetAsync<List<MarketplaceStock>>(stranger, "/api/allocation/v1/stock/marketplaces?sellerSku=SKU-KETTLE");
        Assert.That(strangerTotals, Is.Empty);

        await AssertBadAsync(partner, $"/api/allocation/v1/stock?sellerSku={new string('S', 65)}", "sellerSku");
        await AssertBadAsync(partner, "/api/allocation/v1/stock?sellerSku=%20", "sellerSku");
        await AssertBadAsync(partner, "/api/allocation/v1/stock?changedSince=0&sellerSku=SKU-KETTLE", "sellerSku");
        await AssertBadAsync(
            partner,
            $"/api/allocation/v1/stock?sellerSku=SKU-KETTLE&fnsku={kettle}&asOf=2026-12-01T00:00:00Z",
            "sellerSku"
        );
        await AssertBadAsync(partner, "/api/allocation/v1/stock/marketplaces?fnsku=X0-TOO-LONG-1", "fnsku");
        await AssertBadAsync(partner, $"/api/allocation/v1/stock/marketplaces?sellerSku={new string('S', 65)}", "sellerSku");
    }

    private static async Task<string[]> CsvAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        return body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private static async Task AssertBadAsync(HttpClient client, string path, string field)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), $"{path}: {body}");
        using var problem = JsonDocument.Parse(body);
        Assert.That(
            problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Is.EqualTo(new[] { field }),
            $"{path}: {body}"
        );
    }

    private static async Task<(string? ContentType, string Body)> ExportAsync(HttpClient client, string query, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/allocation/v1/ledger/entries?{query}");
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return (response.Content.Headers.ContentType?.MediaType, body);
    }

    /// <summary>Pages one walk of changedSince from the cursor until caught up.</summary>
    private static async Task<(List<StockChangeResponse> Items, string Cursor)> WalkAsync(HttpClient partner, string cursor)
    {
        var items = new List<StockChangeResponse>();
        while (true)
        {
            var page = await GetAsync<StockChangesPage>(partner, $"/api/allocation/v1/stock?changedSince={cursor}&limit=3");
            items.AddRange(page.Items);
            cursor = page.NextCursor;
            if (page.CaughtUp)
            {
                return (items, cursor);
            }
        }
    }

    /// <summary>The seller's balances as the ledger holds them now: what the sync must end at.</summary>
    private Task<IReadOnlyList<StockSnapshot>> SyncStockAsync(string seller) =>
        QueryAsync<StockSnapshot>(
            "SELECT fnsku, fulfillment_center AS FulfillmentCenter, on_hand AS OnHand, reserved, version FROM allocation.stock_balances "
                + $"WHERE seller_id = '{seller}'"
        );

    private static string Iso(DateTime time) =>
        Uri.EscapeDataString(DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));

    private sealed record StockSnapshot(string Fnsku, string FulfillmentCenter, int OnHand, int Reserved, long Version);
}

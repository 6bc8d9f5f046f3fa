using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Returns.Api;
using InventoryPlatform.Returns.Domain;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Returns end to end on real PostgreSQL (or SQL Server) and RabbitMQ: an order shipped by Allocation is authorized for return,
/// received and graded, and the graded units reach Allocation's ledger; every refusal names its reason and stores nothing.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class ReturnsFlowSpecs(DatabaseProvider provider)
{
    private ReturnsServices _services = null!;

    [OneTimeSetUp]
    public async Task Start() => _services = await ReturnsServices.StartAsync(provider, "returns");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Test]
    public async Task A_shipped_order_is_authorized_received_graded_sellable_and_back_on_hand_in_Allocation()
    {
        const string seller = "rtn-flow";
        const string fnsku = "X0RTNFLOW1";
        await SeedAsync(seller, fnsku, "SEA1", 5);
        var (orderId, fc) = await ShipAsync(seller, fnsku, 4, 12.50m);
        Assert.That(
            await PlatformApi.StockAsync(_services.Allocation.ClientFor(seller), fnsku, fc),
            Is.EqualTo((1, 0)),
            "4 of 5 units shipped"
        );
        var client = _services.Returns.ClientFor(seller);

        // One authorization per Idempotency-Key, however often the partner retries.
        var attempts = await Task.WhenAll(
            Enumerable.Range(0, 3).Select(_ => AuthorizeAsync(client, orderId, fnsku, 3, "customerChangedMind", idempotencyKey: "rma-1"))
        );
        foreach (var attempt in attempts)
        {
            Assert.That(attempt.StatusCode, Is.EqualTo(HttpStatusCode.Created), await attempt.Content.ReadAsStringAsync());
        }

        var authorizations = await Task.WhenAll(attempts.Select(a => a.ReadAsync<ReturnResponse>()));
        var returnId = authorizations[0].Id;
        Assert.That(authorizations.Select(a => a.Id).Distinct(), Is.EqualTo(new[] { returnId }));
        Assert.That(authorizations[0].Status, Is.EqualTo(ReturnStatus.Authorized));
        Assert.That(authorizations[0].Marketplace, Is.EqualTo("US"));
        Assert.That(
            await CountAsync("SELECT COUNT(*) FROM returns.return_authorizations WHERE seller_id = @seller", seller),
            Is.EqualTo(1)
        );

        // U2 twice in one receipt, U1 again in a second: each unit counts once.
        var first = await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = fc,
                returnId,
                unitIds = new[] { "RTN-FLOW-U1", "RTN-FLOW-U2", "RTN-FLOW-U2" },
            }
        );
        Assert.That(first.Accepted, Is.EqualTo(2));
        Assert.That(first.AlreadyScanned, Is.EqualTo(new[] { "RTN-FLOW-U2" }));
        var repeat = await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = fc,
                returnId,
                unitIds = new[] { "RTN-FLOW-U1" },
            }
        );
        Assert.That(repeat.Accepted, Is.EqualTo(0));
        Assert.That(repeat.AlreadyScanned, Is.EqualTo(new[] { "RTN-FLOW-U1" }));
        var partly = await GetReturnAsync(client, returnId);
        Assert.That((partly.ReceivedUnits, partly.Status), Is.EqualTo((2, ReturnStatus.PartiallyReceived)));
        Assert.That(await CountAsync("SELECT COUNT(*) FROM returns.returned_units WHERE seller_id = @seller", seller), Is.EqualTo(2));

        await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = fc,
                returnId,
                unitIds = new[] { "RTN-FLOW-U3" },
            }
        );
        var graded = await GradeAsync(
            client,
            returnId,
            ["RTN-FLOW-U1", "RTN-FLOW-U2", "RTN-FLOW-U3"],
            "sellable",
            note: "sealed, box intact"
        );
        Assert.That(graded.Disposition, Is.EqualTo(Disposition.Restock));
        Assert.That(graded.Responsibility, Is.EqualTo(Responsibility.Customer));
        Assert.That(graded.Inspector, Is.EqualTo("inspector-7"));
        Assert.That(graded.Note, Is.EqualTo("sealed, box intact"));

        await Eventually.Until(
            () => PlatformApi.StockAsync(_services.Allocation.ClientFor(seller), fnsku, fc),
            s => s.OnHand == 4,
            TimeSpan.FromSeconds(30),
            "the 3 restocked units back on hand in Allocation"
        );
        var done = await GetReturnAsync(client, returnId);
        Assert.That((done.GradedUnits, done.Status), Is.EqualTo((3, ReturnStatus.Inspected)));
        Assert.That(
            done.Units!.Select(u => u.Grade),
            Is.EqualTo(new ReturnGrade?[] { ReturnGrade.Sellable, ReturnGrade.Sellable, ReturnGrade.Sellable })
        );

        // 2 of 4 shipped units returned crossed the 0.4 threshold; the third return did not announce it again.
        var alerts = await _services.QueryAsync<string>(
            "SELECT body FROM returns.outbox WHERE message_type LIKE @type",
            new { type = $"%{nameof(HighReturnRateDetected)}%" }
        );
        var ofThis = alerts.Select(PlatformJson.OutboxBody<HighReturnRateDetected>).Where(a => a.Fnsku == fnsku).ToList();
        Assert.That(ofThis, Has.Count.EqualTo(1));
        Assert.That(ofThis[0].ReturnRate, Is.EqualTo(0.5));
        Assert.That(ofThis[0].Threshold, Is.EqualTo(ReturnsServices.HighReturnRateThreshold));

        var rates = await GetJsonAsync<Page<FnskuReturnRate>>(client, $"/api/returns/v1/analytics/return-rates?fnsku={fnsku}");
        var rate = rates.Items[0];
        Assert.That((rate.ShippedUnits, rate.ReturnedUnits, rate.ReturnRate, rate.AboveThreshold), Is.EqualTo((4, 3, 0.75, true)));
        var summary = await GetJsonAsync<ReturnSummary>(client, "/api/returns/v1/analytics/summary");
        Assert.That((summary.ShippedUnits, summary.ReturnedUnits), Is.EqualTo((4, 3)));
        Assert.That(summary.Reasons[0].Key, Is.EqualTo("customerChangedMind"));
        Assert.That(summary.Grades[0].Units, Is.EqualTo(3));
    }

    [Test]
    public async Task A_defective_return_becomes_unfulfillable_and_a_liquidation_candidate_and_carrier_damage_is_reimbursed()
    {
        const string seller = "rtn-defect";
        const string fnsku = "X0RTNDEF01";
        await using var unsellable = await EventProbe.StartAsync<UnsellableReturnReceived>(_services.Messaging);
        await SeedAsync(seller, fnsku, "SEA1", 3);
        var (orderId, fc) = await ShipAsync(seller, fnsku, 3, 20.00m);
        var client = _services.Returns.ClientFor(seller);

        var defective = await CreatedIdAsync(await AuthorizeAsync(client, orderId, fnsku, 1, "defective"));
        await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = fc,
                returnId = defective,
                unitIds = new[] { "RTN-DEF-U1" },
            }
        );
        var graded = await GradeAsync(client, defective, ["RTN-DEF-U1"], "defective", note: "does not power on");

        Assert.That(graded.Disposition, Is.EqualTo(Disposition.RemoveToSeller));
        Assert.That(graded.Responsibility, Is.EqualTo(Responsibility.Seller));
        Assert.That(graded.Reimbursement, Is.Null, "a defect is the seller's, not reimbursed");
        var seen = await unsellable.WaitForAsync(e => e.ReturnId == defective, "UnsellableReturnReceived for the defective unit");
        Assert.That(
            (seen.SellerId, seen.Fnsku, seen.FulfillmentCenter, seen.Quantity, seen.Grade),
            Is.EqualTo((seller, fnsku, fc, 1, ReturnGrade.Defective))
        );
        await Eventually.Until(
            () => PlatformApi.StockAsync(_services.Allocation.ClientFor(seller), fnsku, fc),
            s => s.Unfulfillable == 1,
            TimeSpan.FromSeconds(30),
            "the defective unit unfulfillable in Allocation"
        );

        var damaged = await CreatedIdAsync(await AuthorizeAsync(client, orderId, fnsku, 2, "damagedInTransit"));
        await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = fc,
                returnId = damaged,
                unitIds = new[] { "RTN-DEF-U2", "RTN-DEF-U3" },
            }
        );
        var carrier = await GradeAsync(client, damaged, ["RTN-DEF-U2", "RTN-DEF-U3"], "carrierDamaged", note: "crushed box");

        Assert.That(carrier.Responsibility, Is.EqualTo(Responsibility.Network));
        Assert.That(carrier.Reimbursement!.Amount.Amount, Is.EqualTo(40.00m), "2 units at the 20.00 average selling price");
        Assert.That(carrier.Reimbursement.Amount.Currency, Is.EqualTo("USD"));
        await Eventually.Until(
            () => PlatformApi.StockAsync(_services.Allocation.ClientFor(seller), fnsku, fc),
            s => s.Unfulfillable == 3,
            TimeSpan.FromSeconds(30),
            "the carrier-damaged units unfulfillable too"
        );
        var reimbursements = await GetJsonAsync<Page<ReimbursementResponse>>(client, "/api/returns/v1/reimbursements");
        Assert.That(reimbursements.Items, Has.Count.EqualTo(1));
        Assert.That(reimbursements.Items[0].ReturnId, Is.EqualTo(damaged));
        var summary = await GetJsonAsync<ReturnSummary>(client, "/api/returns/v1/analytics/summary");
        Assert.That(summary.ReimbursementsOwed[0].Amount, Is.EqualTo(40.00m));
        Assert.That(summary.Grades.Select(g => (g.Key, g.Units)), Is.EqualTo(new[] { ("carrierDamaged", 2), ("defective", 1) }));

        var firstPage = await GetJsonAsync<Page<ReturnResponse>>(client, "/api/returns/v1/returns?limit=1");
        var secondPage = await GetJsonAsync<Page<ReturnResponse>>(
            client,
            $"/api/returns/v1/returns?limit=1&cursor={firstPage.NextCursor ?? throw new AssertionException("no next cursor")}"
        );
        Assert.That(new[] { firstPage, secondPage }.Select(p => p.Items[0].Id), Is.EquivalentTo(new[] { defective, damaged }));
        Assert.That(secondPage.NextCursor, Is.Null, "two returns, two pages of one");

        var regrade = await client.PostAsJsonAsync(
            $"/api/returns/v1/returns/{damaged}/inspections",
            Inspection(["RTN-DEF-U2"], "sellable")
        );
        Assert.That(regrade.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), "a unit is graded once");
        Assert.That((await regrade.ReadAsync<HttpValidationProblemDetails>()).Errors["unitIds[0]"][0], Does.Contain("already graded"));
    }

    [Test]
    public async Task Every_refusal_names_the_field_and_reason_and_stores_nothing()
    {
        const string seller = "rtn-refuse";
        const string fnsku = "X0RTNREF01";
        await SeedAsync(seller, fnsku, "SEA1", 2);
        var (orderId, _) = await ShipAsync(seller, fnsku, 2, 9.99m);
        var client = _services.Returns.ClientFor(seller);
        await CreatedIdAsync(await AuthorizeAsync(client, orderId, fnsku, 1, "wrongItem"));

        var oldOrder = Guid.NewGuid();
        await _services.Bus.Publish(
            new OrderShipped(
                Guid.NewGuid(),
                DateTimeOffset.UtcNow.AddDays(-31),
                seller,
                Guid.NewGuid(),
                oldOrder,
                "US",
                "SEA1",
                "US-West",
                [new OrderLine(fnsku, 1, new Money(9.99m, "USD"))],
                3
            )
        );
        await WaitForProjectionAsync(oldOrder);

        await ExpectRefusalAsync(
            await AuthorizeAsync(client, Guid.NewGuid(), fnsku, 1, "defective"),
            HttpStatusCode.NotFound,
            "orderId",
            "No shipped order"
        );
        await ExpectRefusalAsync(
            await AuthorizeAsync(client, orderId, "X0NOTONIT", 1, "defective"),
            HttpStatusCode.UnprocessableEntity,
            "fnsku",
            "were shipped on order"
        );
        await ExpectRefusalAsync(
            await AuthorizeAsync(client, orderId, fnsku, 2, "defective"),
            HttpStatusCode.UnprocessableEntity,
            "quantity",
            "Only 1 more unit(s) can be returned: 2 shipped, 1 already authorized."
        );
        await ExpectRefusalAsync(
            await AuthorizeAsync(client, oldOrder, fnsku, 1, "defective"),
            HttpStatusCode.UnprocessableEntity,
            "orderId",
            "The return window of 30 days for marketplace US closed at"
        );
        await ExpectRefusalAsync(
            await AuthorizeAsync(_services.Returns.ClientFor("rtn-refuse-other"), orderId, fnsku, 1, "defective"),
            HttpStatusCode.NotFound,
            "orderId",
            "No shipped order"
        );

        var invalid = await client.PostAsJsonAsync("/api/returns/v1/returns", new { fnsku = "not an fnsku!", quantity = 0 });
        Assert.That(invalid.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await invalid.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys;
        Assert.That(errors, Is.EquivalentTo(new[] { "orderId", "fnsku", "quantity", "reason" }));
        var badReceipt = await client.PostAsJsonAsync(
            "/api/returns/v1/receipts",
            new { fulfillmentCenter = "SEA1", unitIds = new[] { "ok", "" } }
        );
        Assert.That(badReceipt.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(
            (await badReceipt.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys,
            Is.EquivalentTo(new[] { "fnsku", "unitIds[1]" })
        );

        Assert.That(
            await CountAsync("SELECT COUNT(*) FROM returns.return_authorizations WHERE seller_id LIKE 'rtn-refuse%'", seller),
            Is.EqualTo(1),
            "only the first, valid authorization was stored"
        );
        Assert.That(await CountAsync("SELECT COUNT(*) FROM returns.returned_units WHERE seller_id = @seller", seller), Is.Zero);
    }

    [Test]
    public async Task Concurrent_authorizations_of_one_order_never_exceed_what_shipped()
    {
        const string seller = "rtn-race";
        const string fnsku = "X0RTNRACE1";
        await SeedAsync(seller, fnsku, "SEA1", 3);
        var (orderId, _) = await ShipAsync(seller, fnsku, 3, 4m);
        var client = _services.Returns.ClientFor(seller);

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => AuthorizeAsync(client, orderId, fnsku, 1, "customerChangedMind"))
        );

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(3));
        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity), Is.EqualTo(5));
        Assert.That(
            await CountAsync(
                "SELECT COALESCE(SUM(authorized_quantity), 0) FROM returns.return_authorizations WHERE seller_id = @seller",
                seller
            ),
            Is.EqualTo(3)
        );
    }

    [Test]
    public async Task Another_seller_gets_404_for_a_return_and_cannot_receive_or_grade_it()
    {
        const string seller = "rtn-owner";
        const string fnsku = "X0RTNOWN01";
        await SeedAsync(seller, fnsku, "SEA1", 1);
        var (orderId, fc) = await ShipAsync(seller, fnsku, 1, 5m);
        var owner = _services.Returns.ClientFor(seller);
        var returnId = await CreatedIdAsync(await AuthorizeAsync(owner, orderId, fnsku, 1, "notAsDescribed"));
        var other = _services.Returns.ClientFor("rtn-intruder");

        Assert.That((await other.GetAsync($"/api/returns/v1/returns/{returnId}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(
            (await other.GetAsync($"/api/returns/v1/returns/{returnId}/inspections")).StatusCode,
            Is.EqualTo(HttpStatusCode.NotFound)
        );
        var receive = await other.PostAsJsonAsync(
            "/api/returns/v1/receipts",
            new
            {
                fulfillmentCenter = fc,
                returnId,
                unitIds = new[] { "RTN-OWN-U1" },
            }
        );
        Assert.That(receive.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var grade = await other.PostAsJsonAsync($"/api/returns/v1/returns/{returnId}/inspections", Inspection(["RTN-OWN-U1"], "sellable"));
        Assert.That(grade.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await GetJsonAsync<Page<ReturnResponse>>(other, "/api/returns/v1/returns")).Items, Is.Empty);
        Assert.That(
            (await other.GetAsync($"/api/returns/v1/returns?sellerId={seller}")).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden),
            "naming another seller needs the admin scope"
        );
        Assert.That(await CountAsync("SELECT COUNT(*) FROM returns.returned_units WHERE unit_id = 'RTN-OWN-U1'", seller), Is.Zero);

        var admin = _services.Returns.ClientFor("platform-admin", PlatformScopes.Admin);
        var seenByAdmin = await GetJsonAsync<ReturnResponse>(admin, $"/api/returns/v1/returns/{returnId}?sellerId={seller}");
        Assert.That(seenByAdmin.Id, Is.EqualTo(returnId));
        var noScope = _services.Returns.ClientFor(seller, PlatformScopes.InventoryRead);
        var write = await noScope.PostAsJsonAsync(
            "/api/returns/v1/receipts",
            new
            {
                fulfillmentCenter = fc,
                returnId,
                unitIds = new[] { "RTN-OWN-U1" },
            }
        );
        Assert.That(write.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "writes need returns:write");
    }

    [Test]
    public async Task Units_without_an_authorization_or_beyond_it_are_received_and_flagged_and_graded_by_the_sellers_rules()
    {
        const string seller = "rtn-unexpected";
        const string fnsku = "X0RTNUNX01";
        await using var restocked = await EventProbe.StartAsync<ReturnRestocked>(_services.Messaging);
        await using var unsellable = await EventProbe.StartAsync<UnsellableReturnReceived>(_services.Messaging);
        var client = _services.Returns.ClientFor(seller);

        var receipt = await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = "PHX3",
                fnsku,
                unitIds = new[] { "RTN-UNX-U1", "RTN-UNX-U2" },
            }
        );
        var again = await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = "PHX3",
                fnsku,
                unitIds = new[] { "RTN-UNX-U1", "RTN-UNX-U2" },
            }
        );

        Assert.That((receipt.Unexpected, receipt.Accepted), Is.EqualTo((true, 2)));
        var returnId = receipt.ReturnId ?? throw new AssertionException("an unexpected receipt opens a return");
        Assert.That((again.ReturnId, again.Accepted), Is.EqualTo(((Guid?)returnId, 0)), "a repeated receipt opens nothing new");
        var flagged = await GetJsonAsync<Page<ReturnResponse>>(client, "/api/returns/v1/returns?unexpected=true");
        Assert.That(flagged.Items.Select(r => (r.Id, r.Status)), Is.EqualTo(new[] { (returnId, ReturnStatus.Unexpected) }));

        var badRules = await client.PutAsJsonAsync("/api/returns/v1/grading-rules", new { defective = "restock" });
        Assert.That(badRules.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await badRules.ReadAsync<HttpValidationProblemDetails>()).Errors, Does.ContainKey("defective"));
        var rules = await client.PutAsJsonAsync(
            "/api/returns/v1/grading-rules",
            new { restockOpenedLikeNew = true, openedLikeNewCategories = new[] { "books" } }
        );
        Assert.That(rules.StatusCode, Is.EqualTo(HttpStatusCode.OK), await rules.Content.ReadAsStringAsync());
        Assert.That(
            (await GetJsonAsync<GradingRulesResponse>(client, "/api/returns/v1/grading-rules")).OpenedLikeNewCategories[0],
            Is.EqualTo("books")
        );

        var book = await GradeAsync(client, returnId, ["RTN-UNX-U1"], "sellable", opened: true, category: "books");
        var toy = await GradeAsync(client, returnId, ["RTN-UNX-U2"], "sellable", opened: true, category: "toys");

        Assert.That(book.Disposition, Is.EqualTo(Disposition.Restock));
        Assert.That(
            toy.Disposition,
            Is.EqualTo(Disposition.Liquidate),
            "opened units of a category the seller did not allow do not restock"
        );
        var back = await restocked.WaitForAsync(e => e.ReturnId == returnId, "ReturnRestocked for the opened book");
        Assert.That((back.FulfillmentCenter, back.Quantity), Is.EqualTo(("PHX3", 1)));
        var toLiquidate = await unsellable.WaitForAsync(e => e.ReturnId == returnId, "UnsellableReturnReceived for the opened toy");
        Assert.That((toLiquidate.Quantity, toLiquidate.Grade), Is.EqualTo((1, ReturnGrade.Sellable)));

        // An authorization for one unit that arrives with two: both received, the second flagged.
        await SeedAsync(seller, fnsku, "SEA1", 1);
        var (orderId, fc) = await ShipAsync(seller, fnsku, 1, 7m);
        var authorized = await CreatedIdAsync(await AuthorizeAsync(client, orderId, fnsku, 1, "arrivedTooLate"));
        var over = await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = fc,
                returnId = authorized,
                unitIds = new[] { "RTN-UNX-U3", "RTN-UNX-U4" },
            }
        );
        Assert.That((over.Unexpected, over.Accepted), Is.EqualTo((false, 2)));
        Assert.That(over.BeyondAuthorization, Is.EqualTo(new[] { "RTN-UNX-U4" }));
        var units = (await GetReturnAsync(client, authorized)).Units!;
        Assert.That(
            units.Select(u => (u.UnitId, u.BeyondAuthorization)),
            Is.EquivalentTo(new[] { ("RTN-UNX-U3", false), ("RTN-UNX-U4", true) })
        );
    }

    [Test]
    public async Task A_high_return_rate_is_announced_once_per_crossing_and_re_arms_when_returns_age_out_of_the_window()
    {
        const string seller = "rtn-alarm";
        const string fnsku = "X0RTNALM01";
        await SeedAsync(seller, fnsku, "SEA1", 4);
        var (orderId, fc) = await ShipAsync(seller, fnsku, 4, 3m);
        var client = _services.Returns.ClientFor(seller);
        var returnId = await CreatedIdAsync(await AuthorizeAsync(client, orderId, fnsku, 4, "notAsDescribed"));

        await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = fc,
                returnId,
                unitIds = new[] { "RTN-ALM-U1", "RTN-ALM-U2" },
            }
        );
        await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = fc,
                returnId,
                unitIds = new[] { "RTN-ALM-U3" },
            }
        );
        Assert.That(await AlarmsAsync(fnsku), Is.EqualTo(1), "2 of 4 crossed 0.4; 3 of 4 is no new crossing");

        // The returns leave the window: the periodic sweep sees the rate fall to 0 and re-arms the alarm.
        await _services.ScalarAsync<int>(
            "UPDATE returns.returned_units SET received_at = @old WHERE seller_id = @seller; SELECT 0",
            new { old = DateTime.UtcNow.AddDays(-40), seller }
        );
        await Eventually.Until(
            () =>
                _services.ScalarAsync<bool>(
                    "SELECT above_threshold FROM returns.return_rate_alerts WHERE seller_id = @seller AND fnsku = @fnsku",
                    new { seller, fnsku }
                ),
            above => !above,
            TimeSpan.FromSeconds(30),
            "the alarm re-armed by the sweep"
        );

        await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = fc,
                returnId,
                unitIds = new[] { "RTN-ALM-U4" },
            }
        );
        Assert.That(await AlarmsAsync(fnsku), Is.EqualTo(1), "1 of 4 is not above 0.4");
        var extra = await ReceiveAsync(
            client,
            new
            {
                fulfillmentCenter = fc,
                returnId,
                unitIds = new[] { "RTN-ALM-U5" },
            }
        );
        Assert.That(extra.BeyondAuthorization, Is.EqualTo(new[] { "RTN-ALM-U5" }));
        Assert.That(await AlarmsAsync(fnsku), Is.EqualTo(2), "2 of 4 again: a new crossing, announced again");

        var page = await GetJsonAsync<Page<FnskuReturnRate>>(client, "/api/returns/v1/analytics/return-rates?limit=1");
        Assert.That(page.Items, Has.Count.EqualTo(1));
        Assert.That(page.NextCursor, Is.Null, "one FNSKU, one page");
    }

    [Test]
    public async Task The_OpenAPI_document_names_and_summarises_every_returns_endpoint()
    {
        var response = await _services.Returns.CreateClient().GetAsync("/openapi/v1.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var operations = (await response.ReadAsync<OpenApiDocument>()).Operations().ToList();
        Assert.That(
            operations.Select(o => o.OperationId),
            Is.SupersetOf(
                new[]
                {
                    "CreateReturnAuthorization",
                    "GetReturn",
                    "ListReturns",
                    "ReceiveReturnedUnits",
                    "GradeReturnedUnits",
                    "ListInspections",
                    "GetGradingRules",
                    "SetGradingRules",
                    "ListReturnRates",
                    "GetReturnSummary",
                    "ListReimbursements",
                }
            )
        );
        Assert.That(operations.Where(o => o.Summary is null), Is.Empty);
    }

    private Task<int> AlarmsAsync(string fnsku) =>
        _services.ScalarAsync<int>(
            "SELECT COUNT(*) FROM returns.outbox WHERE message_type LIKE @type AND body LIKE @fnsku",
            new { type = $"%{nameof(HighReturnRateDetected)}%", fnsku = $"%{fnsku}%" }
        );

    private async Task SeedAsync(string seller, string fnsku, string fc, int quantity)
    {
        var allocation = _services.Allocation.ClientFor(seller);
        var before = await PlatformApi.StockAsync(allocation, fnsku, fc);
        await _services.Bus.Publish(TestEvents.UnitsReceived(seller, fc, fnsku, quantity));
        await Eventually.Until(
            () => PlatformApi.StockAsync(allocation, fnsku, fc),
            s => s.OnHand == before.OnHand + quantity,
            TimeSpan.FromSeconds(30),
            $"{quantity} units of {fnsku} at {fc}"
        );
    }

    /// <summary>Creates and ships an order through Allocation's API, then waits for its OrderShipped to reach Returns.</summary>
    private async Task<(Guid OrderId, string FulfillmentCenter)> ShipAsync(string seller, string fnsku, int quantity, decimal price)
    {
        var allocation = _services.Allocation.ClientFor(seller);
        var order = await FulfillmentOrderSpecs.CreateAsync(
            allocation,
            FulfillmentOrderSpecs.Order(fnsku, quantity, "reject", price: price)
        );
        var orderId = order.Id;
        var fc = order.Lines[0].Allocations[0].FulfillmentCenter;
        var shipped = await allocation.PostAsJsonAsync($"/api/allocation/v1/orders/{orderId}/shipments", new { fulfillmentCenter = fc });
        Assert.That(shipped.StatusCode, Is.EqualTo(HttpStatusCode.OK), await shipped.Content.ReadAsStringAsync());
        await WaitForProjectionAsync(orderId);
        return (orderId, fc);
    }

    private Task<int> WaitForProjectionAsync(Guid orderId) =>
        Eventually.Until(
            () => _services.ScalarAsync<int>("SELECT COUNT(*) FROM returns.shipped_lines WHERE order_id = @orderId", new { orderId }),
            count => count > 0,
            TimeSpan.FromSeconds(30),
            $"order {orderId} in Returns' projection"
        );

    private Task<int> CountAsync(string sql, string seller) => _services.ScalarAsync<int>(sql, new { seller });

    private static Task<HttpResponseMessage> AuthorizeAsync(
        HttpClient client,
        Guid orderId,
        string fnsku,
        int quantity,
        string reason,
        string? idempotencyKey = null
    )
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/returns/v1/returns")
        {
            Content = JsonContent.Create(
                new
                {
                    orderId,
                    fnsku,
                    quantity,
                    reason,
                }
            ),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<ReturnResponse>()).Id;
    }

    private static async Task ExpectRefusalAsync(HttpResponseMessage response, HttpStatusCode status, string field, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.ReadAsync<HttpValidationProblemDetails>()).Errors[field][0], Does.Contain(reason), body);
    }

    private static async Task<ReceiptResponse> ReceiveAsync(HttpClient client, object receipt)
    {
        var response = await client.PostAsJsonAsync("/api/returns/v1/receipts", receipt);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ReceiptResponse>();
    }

    private static object Inspection(string[] unitIds, string grade, string? note = null, bool opened = false, string? category = null) =>
        new
        {
            unitIds,
            grade,
            openedPackaging = opened,
            category,
            note,
            inspector = "inspector-7",
        };

    private static async Task<InspectionResponse> GradeAsync(
        HttpClient client,
        Guid returnId,
        string[] unitIds,
        string grade,
        string? note = null,
        bool opened = false,
        string? category = null
    )
    {
        var response = await client.PostAsJsonAsync(
            $"/api/returns/v1/returns/{returnId}/inspections",
            Inspection(unitIds, grade, note, opened, category)
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<InspectionResponse>();
    }

    private static Task<ReturnResponse> GetReturnAsync(HttpClient client, Guid returnId) =>
        GetJsonAsync<ReturnResponse>(client, $"/api/returns/v1/returns/{returnId}");

    private static async Task<T> GetJsonAsync<T>(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<T>();
    }
}

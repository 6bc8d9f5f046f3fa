using System.Net;
using System.Net.Http.Json;
using System.Text;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Receiving.Api;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Receiving → outbox → RabbitMQ → Allocation's inbox → ledger, with both services in process on the
/// real database and broker, and the outage, duplicate and poison-message paths of that flow.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class FirstFlowSpecs(DatabaseProvider provider)
{
    private PlatformServices _services = null!;

    [OneTimeSetUp]
    public async Task Start() => _services = await PlatformServices.StartAsync(provider, "flow");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Test]
    public async Task Scanned_units_reach_the_stock_ledger_sellable_on_hand_and_damaged_unfulfillable()
    {
        var seller = "flow-seller-1";
        var receiving = _services.Receiving.ClientFor(seller);
        var allocation = _services.Allocation.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(receiving, "MUG-1");
        var shipment = await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (fnsku, 10));

        await PlatformApi.ScanAsync(receiving, shipment, fnsku, Units("mug", 1, 8));
        await PlatformApi.ScanAsync(receiving, shipment, fnsku, Units("mug", 9, 2), condition: "damaged");

        var stock = await Eventually.Until(
            () => PlatformApi.StockAsync(allocation, fnsku, "SEA1"),
            s => s == (8, 2),
            TimeSpan.FromSeconds(30),
            "8 on hand and 2 unfulfillable"
        );
        Assert.That(stock, Is.EqualTo((8, 2)));
        Assert.That(await JournalCount(seller, fnsku), Is.EqualTo(2), "one journal row per UnitsReceived event");
    }

    [Test]
    public async Task A_unit_scanned_twice_is_counted_once()
    {
        var seller = "flow-seller-2";
        var receiving = _services.Receiving.ClientFor(seller);
        var allocation = _services.Allocation.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(receiving, "LAMP-1");
        var shipment = await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (fnsku, 5));

        var first = await PlatformApi.ScanAsync(receiving, shipment, fnsku, Units("lamp", 1, 3));
        var again = await PlatformApi.ScanAsync(receiving, shipment, fnsku, Units("lamp", 2, 3));

        Assert.That(first.Accepted, Is.EqualTo(3));
        Assert.That(again.Accepted, Is.EqualTo(1));
        Assert.That(again.AlreadyScanned, Is.EqualTo(new[] { "lamp-0002", "lamp-0003" }));
        await Eventually.Until(
            () => PlatformApi.StockAsync(allocation, fnsku, "SEA1"),
            s => s.OnHand == 4,
            TimeSpan.FromSeconds(30),
            "4 on hand"
        );
        await Task.Delay(500);
        Assert.That(await PlatformApi.StockAsync(allocation, fnsku, "SEA1"), Is.EqualTo((4, 0)));
    }

    [Test]
    public async Task An_event_committed_while_the_broker_is_down_is_delivered_once_it_is_back()
    {
        var seller = "flow-seller-3";
        var receiving = _services.Receiving.ClientFor(seller);
        var allocation = _services.Allocation.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(receiving, "KETTLE-1");
        var shipment = await PlatformApi.CreateShipmentAsync(receiving, "DFW2", (fnsku, 6));

        await TestInfrastructure.StopBrokerAsync();
        try
        {
            var result = await PlatformApi.ScanAsync(receiving, shipment, fnsku, Units("kettle", 1, 6));
            Assert.That(result.Accepted, Is.EqualTo(6), "the scan commits without the broker");
            await Task.Delay(TimeSpan.FromSeconds(2));
            Assert.That(await UnsentOutboxRows(), Is.GreaterThanOrEqualTo(1), "the event waits in the outbox");
        }
        finally
        {
            await TestInfrastructure.StartBrokerAsync();
        }

        await Eventually.Until(
            () => PlatformApi.StockAsync(allocation, fnsku, "DFW2"),
            s => s.OnHand == 6,
            TimeSpan.FromSeconds(90),
            "6 on hand after the broker returned"
        );
        await Eventually.Until(UnsentOutboxRows, n => n == 0, TimeSpan.FromSeconds(30), "the outbox to drain");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(await PlatformApi.StockAsync(allocation, fnsku, "DFW2"), Is.EqualTo((6, 0)), "nothing duplicated");
        Assert.That(await JournalCount(seller, fnsku), Is.EqualTo(1));

        // Receiving and Limits reconnect too: capacity requests (bus request/response) are answered again.
        await Eventually.Until(
            async () =>
                (
                    await receiving.PostAsJsonAsync(
                        "/api/receiving/v1/shipments",
                        new { fulfillmentCenter = "DFW2", lines = new[] { new { fnsku, expectedUnits = 1 } } }
                    )
                ).StatusCode,
            status => status == HttpStatusCode.Created,
            TimeSpan.FromSeconds(90),
            "a shipment created after the broker returned"
        );
    }

    [Test]
    public async Task A_malformed_or_unknown_request_gets_a_problem_naming_the_field_and_stores_nothing()
    {
        var seller = "flow-seller-4";
        var receiving = _services.Receiving.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(receiving, "PAN-1");

        var zero = await receiving.PostAsJsonAsync(
            "/api/receiving/v1/shipments",
            new { fulfillmentCenter = "SEA1", lines = new[] { new { fnsku, expectedUnits = 0 } } }
        );
        var unknown = await receiving.PostAsJsonAsync(
            "/api/receiving/v1/shipments",
            new { fulfillmentCenter = "SEA1", lines = new[] { new { fnsku = "X0ZZZZZZZZ", expectedUnits = 3 } } }
        );
        var malformed = await receiving.PostAsync(
            "/api/receiving/v1/shipments",
            new StringContent(
                """{"fulfillmentCenter":"SEA1","lines":[{"fnsku":"X","expectedUnits":"many"}]}""",
                Encoding.UTF8,
                "application/json"
            )
        );
        var missingItem = await receiving.GetAsync("/api/receiving/v1/items/X0ZZZZZZZZ");

        await AssertProblem(zero, HttpStatusCode.BadRequest, "lines[0].expectedUnits");
        await AssertProblem(unknown, HttpStatusCode.BadRequest, "lines[0].fnsku");
        await AssertProblem(malformed, HttpStatusCode.BadRequest, "lines[0].expectedUnits");
        Assert.That(missingItem.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missingItem.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var shipments = await (await receiving.GetAsync("/api/receiving/v1/shipments")).ReadAsync<Page<ShipmentSummary>>();
        Assert.That(shipments.Items, Is.Empty, "no shipment was stored");
    }

    [Test]
    public async Task A_request_without_a_seller_is_refused_with_401()
    {
        using var anonymous = _services.Receiving.CreateClient();

        var response = await anonymous.GetAsync("/api/receiving/v1/items");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_shipment_created_twice_with_one_idempotency_key_exists_once()
    {
        var seller = "flow-seller-5";
        var receiving = _services.Receiving.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(receiving, "BOWL-1");

        async Task<HttpResponseMessage> Create()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/receiving/v1/shipments")
            {
                Content = JsonContent.Create(new { fulfillmentCenter = "SEA1", lines = new[] { new { fnsku, expectedUnits = 4 } } }),
            };
            request.Headers.Add("Idempotency-Key", "create-bowl-shipment");
            return await receiving.SendAsync(request);
        }

        var responses = await Task.WhenAll(Create(), Create(), Create());

        var ids = new List<Guid>();
        foreach (var response in responses)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            ids.Add((await response.ReadAsync<ShipmentResponse>()).Id);
        }

        Assert.That(ids.Distinct().Count(), Is.EqualTo(1));
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.shipments WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(1)
        );
    }

    private static IEnumerable<string> Units(string prefix, int from, int count) =>
        Enumerable.Range(from, count).Select(i => $"{prefix}-{i:0000}");

    private Task<int> UnsentOutboxRows() =>
        _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.outbox WHERE sent_at IS NULL AND message_type LIKE '%UnitsReceived%'");

    private Task<int> JournalCount(string seller, string fnsku) =>
        _services.ScalarAsync<int>(
            "SELECT COUNT(*) FROM allocation.stock_movements WHERE seller_id = @seller AND fnsku = @fnsku",
            new { seller, fnsku }
        );

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var errors = (await response.ReadAsync<HttpValidationProblemDetails>()).Errors;
        Assert.That(errors.Keys, Does.Contain(field), body);
    }
}

using System.Net;
using System.Text;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Every Receiving endpoint, given bad input, answers 400 with a ProblemDetails that names the offending
/// field, and stores nothing. One row per endpoint and kind of mistake.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class BadInputSpecs(DatabaseProvider provider)
{
    private const string Seller = "bad-input-seller";
    private PlatformServices _services = null!;
    private HttpClient _client = null!;
    private HttpClient _operations = null!;
    private string _fnsku = null!;
    private Guid _shipment;

    [OneTimeSetUp]
    public async Task Start()
    {
        _services = await PlatformServices.StartAsync(provider, "badinput");
        _client = _services.Receiving.ClientFor(Seller);
        _operations = _services.Receiving.ClientFor("operations", PlatformScopes.Admin);
        _fnsku = await PlatformApi.RegisterItemAsync(_client, "BAD-1");
        _shipment = await PlatformApi.CreateShipmentAsync(_client, "SEA1", (_fnsku, 5));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client?.Dispose();
        _operations?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    private const string Item = """
        {"sellerSku":"S","title":"T","storageType":"standard",
         "dimensions":{"lengthCm":1,"widthCm":1,"heightCm":1,"weightKg":1},"listPrice":{"amount":1,"currency":"USD"}}
        """;

    public static IEnumerable<TestCaseData> BadRequests()
    {
        TestCaseData Case(
            string name,
            string method,
            string path,
            string? body,
            string field,
            Dictionary<string, string>? headers = null
        ) => new TestCaseData(method, path, body, field, headers).SetName($"{{m}} {name} names {field}");

        // Items
        yield return Case("register without a seller SKU", "POST", "/items", Item.Replace("\"S\"", "\"\""), "sellerSku");
        yield return Case(
            "register with a zero width",
            "POST",
            "/items",
            Item.Replace("\"widthCm\":1", "\"widthCm\":0"),
            "dimensions.widthCm"
        );
        yield return Case("register with an unknown storage type", "POST", "/items", Item.Replace("standard", "plastic"), "storageType");
        yield return Case("register with a lowercase currency", "POST", "/items", Item.Replace("USD", "usd"), "listPrice.currency");
        yield return Case(
            "register with text for a number",
            "POST",
            "/items",
            Item.Replace("\"amount\":1", "\"amount\":\"cheap\""),
            "listPrice.amount"
        );
        yield return Case("register with a body that is not JSON", "POST", "/items", "{not json", "body");
        yield return Case("get an item by a malformed FNSKU", "GET", "/items/NOT-AN-FNSKU", null, "fnsku");
        yield return Case("list items with limit 0", "GET", "/items?limit=0", null, "limit");
        yield return Case("list items with a limit that is not a number", "GET", "/items?limit=many", null, "limit");
        yield return Case("list items with a forged cursor", "GET", "/items?cursor=%%%", null, "cursor");

        // Shipments
        yield return Case(
            "create without an FC",
            "POST",
            "/shipments",
            """{"lines":[{"fnsku":"{fnsku}","expectedUnits":1}]}""",
            "fulfillmentCenter"
        );
        yield return Case("create without lines", "POST", "/shipments", """{"fulfillmentCenter":"SEA1","lines":[]}""", "lines");
        yield return Case(
            "create with zero units",
            "POST",
            "/shipments",
            """{"fulfillmentCenter":"SEA1","lines":[{"fnsku":"{fnsku}","expectedUnits":0}]}""",
            "lines[0].expectedUnits"
        );
        yield return Case(
            "create with a case pack that does not divide",
            "POST",
            "/shipments",
            """{"fulfillmentCenter":"SEA1","lines":[{"fnsku":"{fnsku}","expectedUnits":5,"casePack":2}]}""",
            "lines[0].casePack"
        );
        yield return Case(
            "create with an unregistered FNSKU",
            "POST",
            "/shipments",
            """{"fulfillmentCenter":"SEA1","lines":[{"fnsku":"X0ZZZZZZZZ","expectedUnits":1}]}""",
            "lines[0].fnsku"
        );
        yield return Case(
            "create with a bad idempotency key",
            "POST",
            "/shipments",
            """{"fulfillmentCenter":"SEA1","lines":[{"fnsku":"{fnsku}","expectedUnits":1}]}""",
            "Idempotency-Key",
            new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 201) }
        );
        yield return Case("list shipments with limit 501", "GET", "/shipments?limit=501", null, "limit");
        yield return Case("list shipments with a cursor that is no id", "GET", "/shipments?cursor=bm90LWEtZ3VpZA", null, "cursor");
        yield return Case("get a shipment by an id that is no GUID", "GET", "/shipments/42", null, "id");
        yield return Case("ship a shipment by an id that is no GUID", "POST", "/shipments/42/ship", null, "id");
        yield return Case("close a shipment by an id that is no GUID", "POST", "/shipments/42/close", null, "id");
        yield return Case("cancel a shipment by an id that is no GUID", "POST", "/shipments/42/cancel", null, "id");
        yield return Case("get the report of an id that is no GUID", "GET", "/shipments/42/report", null, "id");

        // Scans and units
        yield return Case(
            "scan without a unit id",
            "POST",
            "/shipments/{shipment}/scans",
            """{"fnsku":"{fnsku}","condition":"sellable"}""",
            "unitId"
        );
        yield return Case(
            "scan without a condition",
            "POST",
            "/shipments/{shipment}/scans",
            """{"unitId":"u-1","fnsku":"{fnsku}"}""",
            "condition"
        );
        yield return Case(
            "scan with an unknown condition",
            "POST",
            "/shipments/{shipment}/scans",
            """{"unitId":"u-1","fnsku":"{fnsku}","condition":"wet"}""",
            "condition"
        );
        yield return Case(
            "scan an unknown barcode",
            "POST",
            "/shipments/{shipment}/scans",
            """{"unitId":"u-1","fnsku":"X0ZZZZZZZZ","condition":"sellable"}""",
            "fnsku"
        );
        yield return Case(
            "scan into an id that is no GUID",
            "POST",
            "/shipments/42/scans",
            """{"unitId":"u-1","fnsku":"{fnsku}","condition":"sellable"}""",
            "id"
        );
        yield return Case("send an empty batch", "POST", "/shipments/{shipment}/scans/batch", """{"scans":[]}""", "scans");
        yield return Case(
            "send a batch with one bad unit id",
            "POST",
            "/shipments/{shipment}/scans/batch",
            """
            {"scans":[{"unitId":"u-1","fnsku":"{fnsku}","condition":"sellable"},
                      {"unitId":"has space","fnsku":"{fnsku}","condition":"sellable"}]}
            """,
            "scans[1].unitId"
        );
        yield return Case(
            "send a batch with a wrongly typed scan",
            "POST",
            "/shipments/{shipment}/scans/batch",
            """{"scans":[{"unitId":7}]}""",
            "scans[0].unitId"
        );
        yield return Case(
            "configure bins with a negative distance",
            "PUT",
            "/fulfillment-centers/SEA1/bins",
            """{"bins":[{"binId":"A-1","zone":"A","pickFaceDistanceMeters":-1,"capacityCubicFeet":5}]}""",
            "bins[0].pickFaceDistanceMeters"
        );
        yield return Case(
            "configure bins of a malformed FC",
            "PUT",
            "/fulfillment-centers/SEA-1/bins",
            """{"bins":[{"binId":"A-1","zone":"A","pickFaceDistanceMeters":1,"capacityCubicFeet":5}]}""",
            "fulfillmentCenter"
        );
        yield return Case("configure no bins", "PUT", "/fulfillment-centers/SEA1/bins", """{"bins":[]}""", "bins");
        yield return Case("list bins with limit 0", "GET", "/fulfillment-centers/SEA1/bins?limit=0", null, "limit");
        yield return Case("look up a unit id that cannot exist", "GET", "/units/" + new string('u', 65), null, "unitId");
    }

    [TestCaseSource(nameof(BadRequests))]
    public async Task Bad_input_gets_a_problem_naming_the_field_and_stores_nothing(
        string method,
        string path,
        string? body,
        string field,
        Dictionary<string, string>? headers
    )
    {
        var before = await StoredRowsAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/receiving/v1" + Fill(path));
        if (body is not null)
        {
            request.Content = new StringContent(Fill(body), Encoding.UTF8, "application/json");
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // An FC's bins are operations data: only the admin scope configures them.
        var client = path.StartsWith("/fulfillment-centers", StringComparison.Ordinal) ? _operations : _client;
        var response = await client.SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var errors = (await response.ReadAsync<HttpValidationProblemDetails>()).Errors;
        Assert.That(errors.Keys, Does.Contain(field), text);
        Assert.That(errors[field], Is.All.Not.Empty, "each reason is spelled out");
        Assert.That(await StoredRowsAsync(), Is.EqualTo(before), "nothing was stored");
    }

    private string Fill(string text) =>
        text.Replace("{fnsku}", _fnsku, StringComparison.Ordinal).Replace("{shipment}", _shipment.ToString(), StringComparison.Ordinal);

    private Task<int> StoredRowsAsync() =>
        _services.ScalarAsync<int>(
            "SELECT (SELECT COUNT(*) FROM receiving.items) + (SELECT COUNT(*) FROM receiving.shipments) + (SELECT COUNT(*) FROM "
                + "receiving.shipment_lines) "
                + "+ (SELECT COUNT(*) FROM receiving.units) + (SELECT COUNT(*) FROM receiving.bins) + (SELECT COUNT(*) FROM "
                + "receiving.outbox) + (SELECT COUNT(*) FROM receiving.idempotency_keys)"
        );
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// The edges of input every service shares (shared/InventoryPlatform.Hosting): control characters in JSON strings and
/// query strings, and an Idempotency-Key reused for a different request. Each is a clear 4xx that stores nothing.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class InputEdgeSpecs(DatabaseProvider provider)
{
    private const string Seller = "input-edges";
    private PlatformServices _services = null!;
    private HttpClient _client = null!;
    private string _fnsku = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _services = await PlatformServices.StartAsync(provider, "edges");
        _client = _services.Receiving.ClientFor(Seller);
        _fnsku = await PlatformApi.RegisterItemAsync(_client, "EDGE-1");
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client?.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [TestCase("\\u0000", TestName = "A NUL in a JSON string is a 400 naming the field, and nothing is stored")]
    [TestCase("\\u0007", TestName = "A bell character in a JSON string is a 400 naming the field, and nothing is stored")]
    [TestCase("\\u007f", TestName = "A DEL character in a JSON string is a 400 naming the field, and nothing is stored")]
    public async Task Control_characters_in_a_string(string escaped)
    {
        var body = $$$"""
            {"sellerSku":"A{{{escaped}}}B","title":"T","storageType":"standard",
             "dimensions":{"lengthCm":1,"widthCm":1,"heightCm":1,"weightKg":1},"listPrice":{"amount":1,"currency":"USD"}}
            """;

        var response = await _client.PostAsync("/api/receiving/v1/items", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors["sellerSku"], Is.EqualTo(new[] { ControlCharacterException.Reason }));
        Assert.That(await ItemCountAsync(), Is.Zero, "no item but those the other specs registered");
    }

    [Test]
    public async Task A_control_character_deep_in_a_request_names_its_path()
    {
        var response = await _client.PostAsJsonAsync(
            "/api/receiving/v1/shipments",
            new { fulfillmentCenter = "SEA1", lines = new[] { new { fnsku = _fnsku + "\u0001", expectedUnits = 1 } } }
        );

        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors.Keys, Is.EqualTo(new[] { "lines[0].fnsku" }));
        Assert.That(await ShipmentCountAsync(), Is.Zero);
    }

    [Test]
    public async Task Tabs_and_line_breaks_in_text_are_accepted()
    {
        var response = await _client.PostAsJsonAsync(
            "/api/receiving/v1/items",
            new
            {
                sellerSku = "EDGE-2",
                title = "Mug\twith a\nlong title",
                storageType = "standard",
                dimensions = new
                {
                    lengthCm = 1,
                    widthCm = 1,
                    heightCm = 1,
                    weightKg = 1,
                },
                listPrice = new { amount = 1, currency = "USD" },
            }
        );

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task A_control_character_in_a_query_parameter_is_a_400_naming_it()
    {
        var response = await _client.GetAsync("/api/receiving/v1/shipments?cursor=%00abc");

        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!.Errors["cursor"], Is.EqualTo(new[] { ControlCharacterException.Reason }));
    }

    [Test]
    public async Task The_same_idempotency_key_with_another_body_is_a_422_and_creates_nothing()
    {
        var before = await ShipmentCountAsync();
        var first = await CreateShipmentAsync("edge-key-1", expectedUnits: 5);
        var repeat = await CreateShipmentAsync("edge-key-1", expectedUnits: 5);
        var changed = await CreateShipmentAsync("edge-key-1", expectedUnits: 6);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(repeat.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a true repeat gets the first answer");
        Assert.That(await repeat.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await changed.Content.ReadFromJsonAsync<ProblemDetailsBody>();
        Assert.That(problem!.Detail, Does.Contain("different request body"));
        Assert.That(await ShipmentCountAsync(), Is.EqualTo(before + 1));
    }

    private async Task<HttpResponseMessage> CreateShipmentAsync(string key, int expectedUnits)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/receiving/v1/shipments")
        {
            Content = JsonContent.Create(new { fulfillmentCenter = "SEA1", lines = new[] { new { fnsku = _fnsku, expectedUnits } } }),
        };
        request.Headers.Add(IdempotentRequests.Header, key);
        return await _client.SendAsync(request);
    }

    private Task<int> ItemCountAsync() =>
        _services.ScalarAsync<int>(
            "SELECT COUNT(*) FROM receiving.items WHERE seller_id = @Seller AND seller_sku NOT IN ('EDGE-1', 'EDGE-2')",
            new { Seller }
        );

    private Task<int> ShipmentCountAsync() =>
        _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.shipments WHERE seller_id = @Seller", new { Seller });

    private sealed record ProblemDetailsBody(int Status, string Title, string Detail);
}

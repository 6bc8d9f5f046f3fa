using System.Net;
using System.Text.Json;
using InventoryPlatform.Client;
using InventoryPlatform.Client.Models;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 25 point 6 through the gateway: the create endpoints declare what they answer in the services' OpenAPI documents,
/// so a client generated from them (or written over them, as InventoryPlatform.Client is) is typed end to end; and the
/// client against the real platform: a create retried with its key, paging, a refusal naming its field.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
    [Test]
    public async Task Loop_Client_a_create_retried_with_its_key_creates_once_pages_list_it_and_a_refusal_names_the_field()
    {
        var seller = $"client-{Guid.NewGuid():N}"[..20];
        using var http = Gateway(null);
        var partner = new PlatformClient(http, new PlatformClientOptions { ApiKey = await IssueKeyAsync(seller) });
        var fnsku = await RegisterItemAsync(partner, "CLIENT-MUG");
        var plan = new CreateShipmentRequest("SEA1", [new ShipmentLineRequest(fnsku, 5, null)]);

        var first = await partner.Receiving.CreateShipmentAsync(plan, idempotencyKey: "asn-1");
        var retried = await partner.Receiving.CreateShipmentAsync(plan, idempotencyKey: "asn-1");
        var another = await partner.Receiving.CreateShipmentAsync(plan);

        Assert.That(retried.Id, Is.EqualTo(first.Id), "the same key answers with the first shipment");
        Assert.That(another.Id, Is.Not.EqualTo(first.Id), "a create without a key gets a fresh one");
        var listed = await partner.Receiving.ListShipmentsAsync(pageSize: 1).ToListAsync();
        Assert.That(listed.Select(s => s.Id), Is.EquivalentTo(new[] { first.Id, another.Id }), "two pages of one, nothing twice");

        var refused = Assert.ThrowsAsync<PlatformApiException>(() =>
            partner.Receiving.CreateShipmentAsync(new CreateShipmentRequest("NOWHERE1", plan.Lines))
        );
        Assert.That(refused!.Status, Is.EqualTo(HttpStatusCode.BadRequest), refused.Body);
        Assert.That(refused.Errors.Keys, Is.EqualTo(new[] { "fulfillmentCenter" }), refused.Body);
        Assert.That(
            (await partner.Receiving.ListShipmentsAsync().ToListAsync()).Select(s => s.Id),
            Is.EquivalentTo(new[] { first.Id, another.Id }),
            "nothing stored by the refused create"
        );
    }

    [TestCase("receiving", "RegisterItem", "201", "ItemResponse")]
    [TestCase("receiving", "CreateShipment", "201", "ShipmentResponse")]
    [TestCase("allocation", "CreateOrder", "201", "OrderResponse")]
    [TestCase("allocation", "CreateTransfer", "201", "TransferResponse")]
    [TestCase("forecasting", "CreatePromotion", "201", "Promotion")]
    [TestCase("forecasting", "ImportSalesHistory", "200", "ImportResult")]
    [TestCase("returns", "CreateReturnAuthorization", "201", "ReturnResponse")]
    [TestCase("liquidation", "ApproveRecommendation", "200", "RecommendationResponse")]
    public async Task Loop_Client_a_create_endpoint_declares_its_answer_in_the_OpenAPI_document(
        string service,
        string operationId,
        string status,
        string schema
    )
    {
        var response = await Gateway(null).GetAsync($"/openapi/{service}.json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        using var document = JsonDocument.Parse(body);

        var operation = document
            .RootElement.GetProperty("paths")
            .EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject())
            .Single(o => o.Value.TryGetProperty("operationId", out var id) && id.GetString() == operationId)
            .Value;
        var answer = operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json");

        Assert.That(answer.GetProperty("schema").GetProperty("$ref").GetString(), Is.EqualTo($"#/components/schemas/{schema}"));
        Assert.That(operation.GetProperty("responses").TryGetProperty("400", out _), Is.True, "the validation problem is declared");
    }
}

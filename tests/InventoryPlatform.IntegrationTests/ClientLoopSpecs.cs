using System.Text.Json;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Issue 25 point 6 through the gateway: the create endpoints declare what they answer in the services' OpenAPI documents,
/// so a client generated from them (or written over them, as InventoryPlatform.Client is) is typed end to end.
/// </summary>
public sealed partial class GatewayFlowSpecs
{
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

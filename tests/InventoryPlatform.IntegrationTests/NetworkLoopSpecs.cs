using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Hosting;
using InventoryPlatform.Receiving.Api;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.IntegrationTests;

/// <summary>Issue 22, point 6: every service validates FCs, regions and marketplaces against its copy of Allocation's network.</summary>
public sealed partial class GatewayFlowSpecs
{
    [Test]
    public async Task Loop_Pipe_a_shipment_to_an_FC_the_network_does_not_hold_is_refused_naming_the_field_and_nothing_is_stored()
    {
        using var gateway = Gateway(SellerKey);
        var fnsku = await PlatformApi.RegisterItemAsync(gateway, $"LP-NOPE-{Guid.NewGuid():N}"[..30]);

        var response = await gateway.PostAsJsonAsync(
            "/api/receiving/v1/shipments",
            new { fulfillmentCenter = "NOPE", lines = new[] { new { fnsku, expectedUnits = 3 } } }
        );

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        var errors = (await response.ReadAsync<HttpValidationProblemDetails>()).Errors;
        Assert.That(errors.Keys, Is.EqualTo(new[] { "fulfillmentCenter" }));
        Assert.That(errors["fulfillmentCenter"], Is.EqualTo(new[] { "'NOPE' is not a fulfillment center of the network." }));
        var shipments = await (await gateway.GetAsync("/api/receiving/v1/shipments?limit=500")).ReadAsync<Page<ShipmentSummary>>();
        Assert.That(shipments.Items.Where(s => s.FulfillmentCenter == "NOPE"), Is.Empty);
    }

    [TestCase("returns", "/api/returns/v1/receipts", "fulfillmentCenter")]
    [TestCase("limits", "/api/limits/v1/fulfillment-centers/NOPE/capacities/standard", "code")]
    [TestCase("forecasting", "/api/forecasting/v1/calendar/holidays/ZZ", "marketplace")]
    [TestCase("forecasting", "/api/forecasting/v1/history/import", "sales[0].region")]
    [TestCase("liquidation", "/api/liquidation/v1/aged-inventory?fulfillmentCenter=NOPE", "fulfillmentCenter")]
    public async Task Loop_Pipe_every_service_refuses_reference_data_the_network_does_not_hold(string service, string path, string field)
    {
        // Limits' capacities are the operator's; every other endpoint is a seller's.
        using var client = Gateway(service == "limits" ? AdminKey : SellerKey);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        HttpResponseMessage response = service switch
        {
            "returns" => await client.PostAsJsonAsync(
                path,
                new
                {
                    fulfillmentCenter = "NOPE",
                    fnsku = "X0LPNOPE01",
                    unitIds = new[] { "u-1" },
                }
            ),
            "limits" => await client.PutAsJsonAsync(path, new { capacityCubicFeet = 10 }),
            "forecasting" when path.EndsWith("/ZZ", StringComparison.Ordinal) => await client.PutAsJsonAsync(
                path,
                new { holidays = new[] { new { date = today, name = "Nowhere day" } } }
            ),
            "forecasting" => await client.PostAsJsonAsync(
                path,
                new
                {
                    marketplace = "US",
                    sales = new[]
                    {
                        new
                        {
                            date = today.AddDays(-1),
                            fnsku = "X0LPNOPE01",
                            region = "US-Nowhere",
                            units = 2,
                        },
                    },
                }
            ),
            _ => await client.GetAsync(path),
        };

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        var errors = (await response.ReadAsync<HttpValidationProblemDetails>()).Errors;
        Assert.That(errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(errors[field].Single(), Does.Contain("of the network"));
    }

    [Test]
    public async Task Loop_Pipe_an_FC_added_through_the_network_API_becomes_valid_in_Receiving_shortly_after()
    {
        using var gateway = Gateway(SellerKey);
        using var admin = Gateway(AdminKey);
        var code = $"N{Random.Shared.Next(100_000, 999_999)}";
        var fnsku = await PlatformApi.RegisterItemAsync(gateway, $"LP-NEWFC-{code}");
        var before = await gateway.PostAsJsonAsync(
            "/api/receiving/v1/shipments",
            new { fulfillmentCenter = code, lines = new[] { new { fnsku, expectedUnits = 4 } } }
        );
        Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await before.Content.ReadAsStringAsync());

        var added = await admin.PutAsJsonAsync(
            $"/api/allocation/v1/network/fulfillment-centers/{code}",
            new
            {
                marketplace = "JP",
                region = "JP",
                storageCapacityUnits = 1000,
            }
        );
        Assert.That(added.StatusCode, Is.EqualTo(HttpStatusCode.Created), await added.Content.ReadAsStringAsync());

        var created = await Eventually.Until(
            () =>
                gateway.PostAsJsonAsync(
                    "/api/receiving/v1/shipments",
                    new { fulfillmentCenter = code, lines = new[] { new { fnsku, expectedUnits = 4 } } }
                ),
            r => r.StatusCode != HttpStatusCode.BadRequest,
            TimeSpan.FromSeconds(30),
            $"Receiving to accept a shipment to {code}"
        );
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var shipment = await created.ReadAsync<ShipmentResponse>();
        Assert.That((shipment.FulfillmentCenter, shipment.Lines.Single().ExpectedUnits), Is.EqualTo((code, 4)));
    }
}

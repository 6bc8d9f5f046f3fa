using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Hosting;
using InventoryPlatform.Receiving.Api;

namespace InventoryPlatform.IntegrationTests;

/// <summary>The partner API calls the specs make, the way a partner would make them (JSON over HTTP).</summary>
public static class PlatformApi
{
    public static async Task<string> RegisterItemAsync(HttpClient client, string sellerSku)
    {
        var response = await client.PostAsJsonAsync(
            "/api/receiving/v1/items",
            new
            {
                sellerSku,
                title = $"Test product {sellerSku}",
                storageType = "standard",
                dimensions = new
                {
                    lengthCm = 20,
                    widthCm = 15,
                    heightCm = 10,
                    weightKg = 0.8,
                },
                listPrice = new { amount = 19.99, currency = "USD" },
            }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<ItemResponse>()).Fnsku;
    }

    public static async Task<Guid> CreateShipmentAsync(
        HttpClient client,
        string fulfillmentCenter,
        params (string Fnsku, int Units)[] lines
    )
    {
        var response = await client.PostAsJsonAsync(
            "/api/receiving/v1/shipments",
            new { fulfillmentCenter, lines = lines.Select(l => new { fnsku = l.Fnsku, expectedUnits = l.Units }) }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<ShipmentResponse>()).Id;
    }

    public static async Task<ScanResult> ScanAsync(
        HttpClient client,
        Guid shipmentId,
        string fnsku,
        IEnumerable<string> unitIds,
        string condition = "sellable"
    )
    {
        var response = await client.PostAsJsonAsync(
            $"/api/receiving/v1/shipments/{shipmentId}/scans/batch",
            new
            {
                scans = unitIds.Select(u => new
                {
                    unitId = u,
                    fnsku,
                    condition,
                }),
            }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ScanResult>();
    }

    /// <summary>(on hand, unfulfillable) of one FNSKU at one FC, or (0, 0) when the ledger has no row yet.</summary>
    public static async Task<(int OnHand, int Unfulfillable)> StockAsync(HttpClient client, string fnsku, string fulfillmentCenter)
    {
        var response = await client.GetAsync($"/api/allocation/v1/stock?fnsku={fnsku}&fulfillmentCenter={fulfillmentCenter}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var items = (await response.ReadAsync<Page<StockResponse>>()).Items;
        return items.Count == 0 ? (0, 0) : (items[0].OnHand, items[0].Unfulfillable);
    }
}

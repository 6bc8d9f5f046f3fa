using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Api;
using MassTransit;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// Shipment creation asks Limits for capacity over the bus. Here the test itself answers in Limits' place
/// (grant, reject or stay silent), so each outcome of the conversation can be checked on the real broker.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class CapacityReservationSpecs(DatabaseProvider provider)
{
    private readonly ConcurrentQueue<ReserveCapacity> _requests = new();
    private PlatformServices _services = null!;
    private IBusControl _limits = null!;
    private EventProbe<CapacityReleased> _released = null!;
    private volatile string _answer = "grant";

    [OneTimeSetUp]
    public async Task Start()
    {
        _services = await PlatformServices.StartAsync(provider, "capacity", withLimits: false);
        _limits = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(_services.Messaging));
            rabbit.ReceiveEndpoint("test-limits-reserve-capacity", endpoint => endpoint.Handler<ReserveCapacity>(async context =>
                {
                    _requests.Enqueue(context.Message);
                    var requested = context.Message.Volumes.Sum(v => v.CubicFeet);
                    switch (_answer)
                    {
                        case "grant":
                            await context.RespondAsync(new CapacityReserved(context.Message.ShipmentId, Guid.NewGuid()));
                            break;
                        case "reject":
                            await context.RespondAsync(
                                new CapacityRejected(
                                    context.Message.ShipmentId,
                                    "Standard storage limit reached.",
                                    StorageType.Standard,
                                    100m,
                                    99.5m,
                                    requested
                                )
                            );
                            break;
                    }
                }));
        });
        await _limits.StartAsync();
        _released = await EventProbe.StartAsync<CapacityReleased>(_services.Messaging);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_released is not null)
        {
            await _released.DisposeAsync();
        }
        if (_limits is not null)
        {
            await _limits.StopAsync();
        }
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [SetUp]
    public void Grant() => _answer = "grant";

    [Test]
    public async Task A_shipment_asks_for_its_volume_per_storage_type_and_is_stored_when_granted()
    {
        var seller = "cap-seller-1";
        var receiving = _services.Receiving.ClientFor(seller);
        var mug = await PlatformApi.RegisterItemAsync(receiving, "CAP-MUG");
        var shoe = await RegisterAsync(receiving, "CAP-SHOE", "footwear", 30, 20, 12);

        var shipment = await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (mug, 100), (shoe, 10));

        var request = _requests.Single(r => r.ShipmentId == shipment);
        Assert.That(request.SellerId, Is.EqualTo(seller));
        Assert.That(request.FulfillmentCenter, Is.EqualTo("SEA1"));
        // 20 × 15 × 10 cm = 0.1059440002 ft³ a mug; 30 × 20 × 12 cm = 0.2542656 ft³ a pair of shoes.
        Assert.That(
            request.Volumes.Select(v => (v.StorageType, v.CubicFeet)),
            Is.EqualTo(new[] { (StorageType.Standard, 10.5945m), (StorageType.Footwear, 2.5427m) })
        );
    }

    [Test]
    public async Task A_rejection_answers_409_with_the_reason_and_numbers_and_stores_nothing()
    {
        var seller = "cap-seller-2";
        var receiving = _services.Receiving.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(receiving, "CAP-LAMP");
        _answer = "reject";

        var response = await CreateAsync(receiving, fnsku, "cap-key-2");

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.ReadAsync<CapacityProblem>();
        Assert.That(problem.Detail, Does.Contain("Standard storage limit reached."));
        Assert.That(problem.StorageType, Is.EqualTo("Standard"));
        Assert.That(problem.LimitCubicFeet, Is.EqualTo(100m));
        Assert.That(problem.UsedCubicFeet, Is.EqualTo(99.5m));
        Assert.That(problem.RequestedCubicFeet, Is.EqualTo(5.2973m));
        await AssertNothingStored(seller);

        _answer = "grant";
        var retried = await CreateAsync(receiving, fnsku, "cap-key-2");
        Assert.That(
            retried.StatusCode,
            Is.EqualTo(HttpStatusCode.Created),
            "the refused key was not remembered, so the seller can retry it"
        );
    }

    [Test]
    public async Task No_answer_from_Limits_gives_503_and_stores_nothing()
    {
        var seller = "cap-seller-3";
        var receiving = _services.Receiving.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(receiving, "CAP-PAN");
        _answer = "silent";

        var response = await CreateAsync(receiving, fnsku, "cap-key-3");

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.ReadAsync<ProblemDetails>()).Detail, Does.Contain("did not answer"));
        await AssertNothingStored(seller);

        // Limits may still read the request and reserve: the release that follows the 503 gives that capacity back.
        var unanswered = _requests.Single(r => r.SellerId == seller);
        var released = await _released.WaitForAsync(
            e => e.ShipmentId == unanswered.ShipmentId,
            "CapacityReleased for the unanswered request"
        );
        Assert.That((released.SellerId, released.FulfillmentCenter), Is.EqualTo((seller, "SEA1")));
    }

    [Test]
    public async Task Cancelling_a_shipment_releases_the_capacity_reserved_for_it()
    {
        var receiving = _services.Receiving.ClientFor("cap-seller-4");
        var fnsku = await PlatformApi.RegisterItemAsync(receiving, "CAP-CUP");
        var shipment = await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (fnsku, 5));

        Assert.That(
            (await receiving.PostAsync($"/api/receiving/v1/shipments/{shipment}/cancel", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.OK)
        );

        var released = await _released.WaitForAsync(e => e.ShipmentId == shipment, "CapacityReleased for the cancelled shipment");
        Assert.That((released.SellerId, released.FulfillmentCenter), Is.EqualTo(("cap-seller-4", "SEA1")));
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string fnsku, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/receiving/v1/shipments")
        {
            Content = JsonContent.Create(new { fulfillmentCenter = "SEA1", lines = new[] { new { fnsku, expectedUnits = 50 } } }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private async Task AssertNothingStored(string seller)
    {
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.shipments WHERE seller_id = @seller", new { seller }),
            Is.Zero
        );
        Assert.That(
            await _services.ScalarAsync<int>(
                "SELECT COUNT(*) FROM receiving.shipment_lines l JOIN receiving.items i ON i.fnsku = l.fnsku WHERE i.seller_id = @seller",
                new { seller }
            ),
            Is.Zero
        );
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.idempotency_keys WHERE seller_id = @seller", new { seller }),
            Is.Zero
        );
    }

    private static async Task<string> RegisterAsync(HttpClient client, string sku, string storageType, int length, int width, int height)
    {
        var response = await client.PostAsJsonAsync(
            "/api/receiving/v1/items",
            new
            {
                sellerSku = sku,
                title = sku,
                storageType,
                dimensions = new
                {
                    lengthCm = length,
                    widthCm = width,
                    heightCm = height,
                    weightKg = 1,
                },
                listPrice = new { amount = 50, currency = "USD" },
            }
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<ItemResponse>()).Fnsku;
    }
}

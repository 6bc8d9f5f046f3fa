using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Receiving.Api;
using MassTransit;

namespace InventoryPlatform.IntegrationTests;

/// <summary>Received units are put away into the FC's bins: fast movers (by OrderShipped) near the pick face, slow ones far.</summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class PutawaySpecs(DatabaseProvider provider)
{
    private PlatformServices _services = null!;
    private IBusControl _bus = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _services = await PlatformServices.StartAsync(provider, "putaway");
        await Eventually.Until(
            () => TestInfrastructure.QueueHasConsumerAsync(_services.Messaging, "receiving-order-shipped"),
            ready => ready,
            TimeSpan.FromSeconds(30),
            "Receiving consuming OrderShipped"
        );
        _bus = await _services.StartTestBusAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Test]
    public async Task Fast_movers_go_to_the_nearest_free_bins_slow_ones_further_and_no_bin_overfills()
    {
        var seller = "putaway-seller-1";
        var receiving = _services.Receiving.ClientFor(seller);
        var fast = await PlatformApi.RegisterItemAsync(receiving, "PUT-FAST");
        var slow = await PlatformApi.RegisterItemAsync(receiving, "PUT-SLOW");
        // A test item is 20 × 15 × 10 cm = 0.106 ft³: the near bin holds three of them.
        var layout = new
        {
            bins = new[]
            {
                new
                {
                    binId = "FAR-1",
                    zone = "C",
                    pickFaceDistanceMeters = 80m,
                    capacityCubicFeet = 10m,
                },
                new
                {
                    binId = "NEAR-1",
                    zone = "A",
                    pickFaceDistanceMeters = 2m,
                    capacityCubicFeet = 0.35m,
                },
                new
                {
                    binId = "MID-1",
                    zone = "B",
                    pickFaceDistanceMeters = 20m,
                    capacityCubicFeet = 10m,
                },
            },
        };
        var bySeller = await receiving.PutAsJsonAsync("/api/receiving/v1/fulfillment-centers/KIX2/bins", layout);
        Assert.That(bySeller.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an FC's layout is operations data, not a seller's");
        Assert.That(await _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.bins WHERE fulfillment_center = 'KIX2'"), Is.Zero);

        using var operations = _services.Receiving.ClientFor("operations", PlatformScopes.Admin);
        var configured = await operations.PutAsJsonAsync("/api/receiving/v1/fulfillment-centers/KIX2/bins", layout);
        Assert.That(configured.StatusCode, Is.EqualTo(HttpStatusCode.OK), await configured.Content.ReadAsStringAsync());

        var shipped = new OrderShipped(
            Guid.NewGuid(),
            DateTimeOffset.UtcNow,
            "some-seller",
            Guid.NewGuid(),
            Guid.NewGuid(),
            "US",
            "KIX2",
            "US-WEST",
            [new OrderLine(fast, 50, new Money(10, "USD"))],
            20
        );
        var messageId = Guid.NewGuid();
        await _bus.Publish(shipped, context => context.MessageId = messageId);
        await _bus.Publish(shipped, context => context.MessageId = messageId);
        await Eventually.Until(
            () =>
                _services.ScalarAsync<int>(
                    "SELECT COALESCE(SUM(units), 0) FROM receiving.sales_velocity WHERE fnsku = @fast",
                    new { fast }
                ),
            units => units == 50,
            TimeSpan.FromSeconds(30),
            "the sale in the velocity table"
        );

        var shipment = await PlatformApi.CreateShipmentAsync(receiving, "KIX2", (fast, 4), (slow, 2));
        await PlatformApi.ScanAsync(receiving, shipment, slow, ["slow-1", "slow-2"]);
        await PlatformApi.ScanAsync(receiving, shipment, fast, ["fast-1", "fast-2", "fast-3", "fast-4"]);
        await PlatformApi.ScanAsync(receiving, shipment, fast, ["fast-dmg"], condition: "damaged");

        var bins = new Dictionary<string, string?>();
        foreach (var unit in new[] { "fast-1", "fast-2", "fast-3", "fast-4", "slow-1", "slow-2", "fast-dmg" })
        {
            var found = await receiving.GetAsync($"/api/receiving/v1/units/{unit}");
            Assert.That(found.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            bins[unit] = (await found.ReadAsync<UnitResponse>()).BinId;
        }

        Assert.That(
            new[] { "fast-1", "fast-2", "fast-3", "fast-4" }.Count(u => bins[u] == "NEAR-1"),
            Is.EqualTo(3),
            "the near bin takes three fast movers"
        );
        Assert.That(
            new[] { "fast-1", "fast-2", "fast-3", "fast-4" }.Count(u => bins[u] == "MID-1"),
            Is.EqualTo(1),
            "the fourth goes to the next nearest"
        );
        Assert.That(bins["slow-1"], Is.EqualTo("FAR-1"));
        Assert.That(bins["slow-2"], Is.EqualTo("FAR-1"));
        Assert.That(bins["fast-dmg"], Is.Null, "damaged units go to the damage area, not a bin");
        Assert.That(
            await _services.ScalarAsync<int>("SELECT units FROM receiving.sales_velocity WHERE fnsku = @fast", new { fast }),
            Is.EqualTo(50),
            "the redelivered OrderShipped counted once"
        );

        var listed = await (await receiving.GetAsync("/api/receiving/v1/fulfillment-centers/KIX2/bins")).ReadAsync<Page<BinResponse>>();
        var used = listed.Items.ToDictionary(b => b.BinId, b => b.UsedCubicFeet);
        Assert.That(used["NEAR-1"], Is.EqualTo(0.3178m).Within(0.0003m));
        Assert.That(used["NEAR-1"], Is.LessThanOrEqualTo(0.35m));
        Assert.That(used["MID-1"], Is.EqualTo(0.1059m).Within(0.0002m));
        Assert.That(used["FAR-1"], Is.EqualTo(0.2119m).Within(0.0002m));
    }
}

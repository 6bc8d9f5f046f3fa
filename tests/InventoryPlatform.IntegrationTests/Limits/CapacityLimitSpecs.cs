using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Limits.Api;
using MassTransit;

namespace InventoryPlatform.IntegrationTests.LimitsSpecs;

/// <summary>
/// Receiving asks the real Limits for capacity: shipments are granted up to the seller's limit, the next is refused with
/// the numbers, cancelling gives capacity back, received units move from inbound to stock, and racing shipments for the
/// last capacity never both win. Starter limit here: 20 ft³ of standard storage.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class CapacityLimitSpecs(DatabaseProvider provider)
{
    private LimitsPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        _platform = await LimitsPlatform.StartAsync(
            provider,
            "limitscap",
            new Dictionary<string, string> { ["Limits:StarterCubicFeet:Standard"] = "20" },
            withReceiving: true
        );

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    [Test]
    public async Task The_batching_stock_consumer_prefetches_more_than_the_others()
    {
        var prefetches = await TestInfrastructure.ConsumerPrefetchesAsync(
            _platform.Messaging,
            "limits-stock-changed",
            "limits-units-received"
        );
        Assert.That(prefetches["limits-stock-changed"], Is.All.EqualTo(128));
        Assert.That(prefetches["limits-units-received"], Is.All.EqualTo(32));
    }

    [Test]
    public async Task Shipments_are_granted_up_to_the_limit_and_the_next_is_rejected_with_the_numbers()
    {
        var seller = "lim-fill";
        var receiving = _platform.Receiving!.ClientFor(seller);
        var limits = _platform.Limits.ClientFor(seller);
        var mug = await PlatformApi.RegisterItemAsync(receiving, "LIM-MUG");

        // A mug is 20 × 15 × 10 cm = 0.1059440002 ft³: 100 mugs ask 10.5945 ft³, 80 mugs 8.4756 ft³, 10 mugs 1.0595 ft³.
        var first = await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (mug, 100));
        await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (mug, 80));
        var refused = await CreateAsync(receiving, mug, 10);

        var body = await refused.Content.ReadAsStringAsync();
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), body);
        var problem = await refused.ReadAsync<CapacityProblem>();
        Assert.That(problem.StorageType, Is.EqualTo("Standard"));
        Assert.That(problem.LimitCubicFeet, Is.EqualTo(20m));
        Assert.That(problem.UsedCubicFeet, Is.EqualTo(19.0701m));
        Assert.That(problem.RequestedCubicFeet, Is.EqualTo(1.0595m));
        Assert.That(problem.Detail, Does.Contain("limit"));
        Assert.That(
            await _platform.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.shipments WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(2),
            "the refused shipment was not stored"
        );
        Assert.That(
            await _platform.ScalarAsync<int>("SELECT COUNT(*) FROM limits.reservations WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(2),
            "and nothing was reserved for it"
        );

        var usage = await LimitsPlatform.UsageOfAsync(limits, StorageType.Standard);
        Assert.That(usage.LimitCubicFeet, Is.EqualTo(20m));
        Assert.That(usage.InboundCubicFeet, Is.EqualTo(19.0701m));
        Assert.That(usage.AvailableCubicFeet, Is.EqualTo(0.9299m));

        // Cancelling the first shipment gives its 10.5945 ft³ back; the refused shipment now fits.
        Assert.That(
            (await receiving.PostAsync($"/api/receiving/v1/shipments/{first}/cancel", null)).StatusCode,
            Is.EqualTo(HttpStatusCode.OK)
        );
        await Eventually.Until(
            async () => (await LimitsPlatform.UsageOfAsync(limits, StorageType.Standard)).InboundCubicFeet,
            inbound => inbound == 8.4756m,
            TimeSpan.FromSeconds(20),
            "the cancelled shipment's capacity released"
        );
        Assert.That((await CreateAsync(receiving, mug, 10)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Ten_shipments_racing_for_the_last_capacity_grant_exactly_one()
    {
        var seller = "lim-race";
        var receiving = _platform.Receiving!.ClientFor(seller);
        var mug = await PlatformApi.RegisterItemAsync(receiving, "LIM-RACE");

        // 100 mugs are 10.5945 ft³: one fits in 20 ft³, two do not.
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CreateAsync(receiving, mug, 100)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(9), string.Join(", ", statuses));
        Assert.That(
            await _platform.ScalarAsync<int>(
                "SELECT COUNT(*) FROM limits.reservations WHERE seller_id = @seller AND status = 'open'",
                new { seller }
            ),
            Is.EqualTo(1)
        );
        Assert.That(
            await _platform.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.shipments WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(1)
        );
    }

    [Test]
    public async Task Received_units_move_from_inbound_to_stock_and_closing_ends_the_reservation()
    {
        var seller = "lim-receive";
        var receiving = _platform.Receiving!.ClientFor(seller);
        var limits = _platform.Limits.ClientFor(seller);
        var mug = await PlatformApi.RegisterItemAsync(receiving, "LIM-RCV");
        var shipment = await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (mug, 100));
        await Eventually.Until(
            () => _platform.ScalarAsync<int>("SELECT COUNT(*) FROM limits.items WHERE fnsku = @mug", new { mug }),
            n => n == 1,
            TimeSpan.FromSeconds(20),
            "Limits knows the item"
        );

        // 40 mugs arrive (4.2378 ft³ of the 10.5945 reserved) and go on the ledger.
        await _platform.Bus.Publish(TestEvents.UnitsReceived(seller, "SEA1", mug, 40, shipmentId: shipment));
        await _platform.Bus.Publish(
            new StockChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), mug, "SEA1", 40, 0, 0, 0, 0, 1, "Received")
        );

        var usage = await Eventually.Until(
            () => LimitsPlatform.UsageOfAsync(limits, StorageType.Standard),
            u => u.InboundCubicFeet == 6.3567m && u.StoredCubicFeet == 4.2378m,
            TimeSpan.FromSeconds(20),
            "40 mugs counted as stock and no longer as inbound"
        );
        Assert.That(usage.UsedCubicFeet, Is.EqualTo(10.5945m), "the same volume, counted once");

        await _platform.Bus.Publish(
            new InboundShipmentClosed(
                Guid.NewGuid(),
                DateTimeOffset.UtcNow,
                seller,
                Guid.NewGuid(),
                shipment,
                "SEA1",
                [new ShipmentLineDiscrepancy(mug, 100, 40, 0, 60, 0)]
            )
        );
        await Eventually.Until(
            () => LimitsPlatform.UsageOfAsync(limits, StorageType.Standard),
            u => u.InboundCubicFeet == 0m,
            TimeSpan.FromSeconds(20),
            "the closed shipment's shortfall no longer held"
        );
        var reservations = await (await limits.GetAsync("/api/limits/v1/reservations?status=all")).ReadAsync<ReservationsResponse>();
        Assert.That(reservations.Items[0].Status, Is.EqualTo("closed"));
    }

    [Test]
    public async Task A_repeated_request_for_one_shipment_gets_the_same_reservation_and_counts_once()
    {
        var seller = "lim-repeat";
        var client = _platform.Bus.CreateRequestClient<ReserveCapacity>();
        var request = new ReserveCapacity(Guid.NewGuid(), seller, "SEA1", [new StorageVolume(StorageType.Standard, 12m)], Guid.NewGuid());

        // Receiving sends the same shipment again when a transient fault reruns its transaction.
        var first = await client.GetResponse<CapacityReserved, CapacityRejected>(request);
        var second = await client.GetResponse<CapacityReserved, CapacityRejected>(request);

        Assert.That(first.Is(out Response<CapacityReserved>? granted), Is.True);
        Assert.That(second.Is(out Response<CapacityReserved>? again), Is.True);
        Assert.That(again!.Message.ReservationId, Is.EqualTo(granted!.Message.ReservationId));
        var usage = await LimitsPlatform.UsageOfAsync(_platform.Limits.ClientFor(seller), StorageType.Standard);
        Assert.That(usage.InboundCubicFeet, Is.EqualTo(12m), "held once");

        var other = await client.GetResponse<CapacityReserved, CapacityRejected>(request with { ShipmentId = Guid.NewGuid() });
        Assert.That(other.Is(out Response<CapacityRejected>? rejected), Is.True, "12 + 12 ft³ exceed 20 ft³");
        Assert.That(
            (rejected!.Message.LimitCubicFeet, rejected.Message.UsedCubicFeet, rejected.Message.RequestedCubicFeet),
            Is.EqualTo((20m, 12m, 12m))
        );
    }

    [Test]
    public async Task A_request_read_after_its_release_holds_nothing()
    {
        var seller = "lim-late";
        var limits = _platform.Limits.ClientFor(seller);
        var request = new ReserveCapacity(Guid.NewGuid(), seller, "SEA1", [new StorageVolume(StorageType.Standard, 12m)], Guid.NewGuid());

        // Receiving gave up waiting (503) and released the shipment's capacity before Limits read the request.
        await _platform.Bus.Publish(
            new CapacityReleased(Guid.NewGuid(), DateTimeOffset.UtcNow, seller, Guid.NewGuid(), request.ShipmentId, "SEA1")
        );
        await Eventually.Until(
            () =>
                _platform.ScalarAsync<int>(
                    "SELECT COUNT(*) FROM limits.reservations WHERE shipment_id = @ShipmentId",
                    new { request.ShipmentId }
                ),
            n => n == 1,
            TimeSpan.FromSeconds(20),
            "the release recorded"
        );
        var late = await _platform.Bus.CreateRequestClient<ReserveCapacity>().GetResponse<CapacityReserved, CapacityRejected>(request);

        Assert.That(late.Is(out Response<CapacityRejected>? rejected), Is.True, "a released shipment is not reserved again");
        Assert.That(rejected!.Message.Reason, Does.Contain("released"));
        var usage = await LimitsPlatform.UsageOfAsync(limits, StorageType.Standard);
        Assert.That(usage.InboundCubicFeet, Is.Zero, "nothing held for it");
        var reservations = await (await limits.GetAsync("/api/limits/v1/reservations?status=all")).ReadAsync<ReservationsResponse>();
        Assert.That(
            reservations.Items.Select(r => (r.ShipmentId, r.FulfillmentCenter, r.Status)),
            Is.EqualTo(new[] { (request.ShipmentId, "SEA1", "released") })
        );
    }

    [Test]
    public async Task Shipments_are_granted_again_soon_after_the_broker_comes_back()
    {
        var seller = "lim-broker";
        var receiving = _platform.Receiving!.ClientFor(seller);
        var mug = await PlatformApi.RegisterItemAsync(receiving, "LIM-BRK");
        await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (mug, 5));

        await TestInfrastructure.StopBrokerAsync();
        try
        {
            // No broker, no capacity answer: 503 within the request timeout (10 s), and nothing stored.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var refused = await CreateAsync(receiving, mug, 5);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await refused.Content.ReadAsStringAsync());
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "answered, not left hanging until the broker is back");
        }
        finally
        {
            await TestInfrastructure.StartBrokerAsync();
        }

        // Receiving and Limits reconnect by themselves; a partner retrying the 503 gets its shipment within seconds.
        var back = System.Diagnostics.Stopwatch.StartNew();
        var statuses = new List<HttpStatusCode>();
        var created = await Eventually.Until(
            async () =>
            {
                var response = await CreateAsync(receiving, mug, 5);
                statuses.Add(response.StatusCode);
                return response;
            },
            r => r.StatusCode != HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(60),
            "a shipment granted after the broker's return"
        );
        TestContext.Out.WriteLine(
            $"First answer after the broker's return in {back.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", statuses)}."
        );
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.That(back.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        // A request that timed out may still be reserved late; its release (sent with the 503) then ends that reservation.
        await Eventually.Until(
            () =>
                _platform.ScalarAsync<int>(
                    "SELECT COUNT(*) FROM limits.reservations WHERE seller_id = @seller AND status = 'open'",
                    new { seller }
                ),
            open => open == 2,
            TimeSpan.FromSeconds(60),
            "capacity held only for the first shipment and the one granted after the outage, none for the refused or timed-out requests"
        );
    }

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string fnsku, int units) =>
        await client.PostAsJsonAsync(
            "/api/receiving/v1/shipments",
            new { fulfillmentCenter = "SEA1", lines = new[] { new { fnsku, expectedUnits = units } } }
        );
}

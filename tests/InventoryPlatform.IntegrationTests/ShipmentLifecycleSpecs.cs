using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Contracts.V1;
using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Api;
using InventoryPlatform.Receiving.Domain;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.IntegrationTests;

/// <summary>A shipment from plan to close on the real database and broker: lifecycle, discrepancies, report, events.</summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class ShipmentLifecycleSpecs(DatabaseProvider provider)
{
    private PlatformServices _services = null!;
    private EventProbe<InboundShipmentClosed> _closed = null!;
    private EventProbe<CapacityReleased> _released = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _services = await PlatformServices.StartAsync(provider, "lifecycle");
        _closed = await EventProbe.StartAsync<InboundShipmentClosed>(_services.Messaging);
        _released = await EventProbe.StartAsync<CapacityReleased>(_services.Messaging);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_closed is not null)
        {
            await _closed.DisposeAsync();
        }
        if (_released is not null)
        {
            await _released.DisposeAsync();
        }
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Test]
    public async Task A_shipment_goes_from_plan_to_close_and_its_report_shows_shortage_overage_and_damage()
    {
        var seller = "life-seller-1";
        var receiving = _services.Receiving.ClientFor(seller);
        var mug = await PlatformApi.RegisterItemAsync(receiving, "L-MUG");
        var lamp = await PlatformApi.RegisterItemAsync(receiving, "L-LAMP");
        var pan = await PlatformApi.RegisterItemAsync(receiving, "L-PAN");
        var shipment = await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (mug, 10), (lamp, 4), (pan, 3));

        Assert.That(await StatusOf(receiving, shipment), Is.EqualTo(ShipmentStatus.Created));
        var shipped = await Post(receiving, shipment, "ship");
        Assert.That(shipped.StatusCode, Is.EqualTo(HttpStatusCode.OK), await shipped.Content.ReadAsStringAsync());
        Assert.That(await StatusOf(receiving, shipment), Is.EqualTo(ShipmentStatus.InTransit));

        await PlatformApi.ScanAsync(receiving, shipment, mug, Units("lc-mug", 1, 7));
        await PlatformApi.ScanAsync(receiving, shipment, mug, Units("lc-mug", 8, 1), condition: "damaged");
        await PlatformApi.ScanAsync(receiving, shipment, lamp, Units("lc-lamp", 1, 6));
        await PlatformApi.ScanAsync(receiving, shipment, pan, Units("lc-pan", 1, 3));
        Assert.That(await StatusOf(receiving, shipment), Is.EqualTo(ShipmentStatus.Receiving));

        var provisional = await (await receiving.GetAsync($"/api/receiving/v1/shipments/{shipment}/report")).ReadAsync<ShipmentReport>();
        Assert.That(provisional.Final, Is.False);

        var closed = await Post(receiving, shipment, "close");
        Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await closed.Content.ReadAsStringAsync());
        Assert.That((await closed.ReadAsync<ShipmentResponse>()).Status, Is.EqualTo(ShipmentStatus.Closed));

        var report = await (await receiving.GetAsync($"/api/receiving/v1/shipments/{shipment}/report")).ReadAsync<ShipmentReport>();
        Assert.That(report.Final, Is.True);
        Assert.That(report.ClosedAt, Is.Not.Null);
        var lines = report.Lines.ToDictionary(
            l => l.Fnsku,
            l => (Sellable: l.ReceivedSellable, Damaged: l.ReceivedDamaged, Short: l.Shortage, Over: l.Overage)
        );
        Assert.That(lines[mug], Is.EqualTo((7, 1, 2, 0)), "mug: 10 expected, 7 sellable + 1 damaged arrived");
        Assert.That(lines[lamp], Is.EqualTo((6, 0, 0, 2)), "lamp: 4 expected, 6 arrived");
        Assert.That(lines[pan], Is.EqualTo((3, 0, 0, 0)), "pan: as planned");
        Assert.That(report.Discrepancies.Select(l => l.Fnsku), Is.EquivalentTo(new[] { mug, lamp }));
        Assert.That(report.Totals.Shortage, Is.EqualTo(2));
        Assert.That(report.Totals.Overage, Is.EqualTo(2));

        var published = await _closed.WaitForAsync(e => e.ShipmentId == shipment, "InboundShipmentClosed on the bus");
        Assert.That(published.SellerId, Is.EqualTo(seller));
        Assert.That(published.FulfillmentCenter, Is.EqualTo("SEA1"));
        Assert.That(
            published.Lines.Select(l => (l.Fnsku, l.ExpectedUnits, l.ReceivedSellable, l.ReceivedDamaged, l.Shortage, l.Overage)),
            Is.EquivalentTo(new[] { (mug, 10, 7, 1, 2, 0), (lamp, 4, 6, 0, 0, 2), (pan, 3, 3, 0, 0, 0) })
        );

        var late = await receiving.PostAsJsonAsync(
            $"/api/receiving/v1/shipments/{shipment}/scans",
            new
            {
                unitId = "lc-pan-late",
                fnsku = pan,
                condition = "sellable",
            }
        );
        await AssertConflict(late, "Closed");
        await AssertConflict(await Post(receiving, shipment, "close"), "already Closed");
        await AssertConflict(await Post(receiving, shipment, "cancel"), "already Closed");
        await AssertConflict(await Post(receiving, shipment, "ship"), "Only a Created shipment");
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.units WHERE shipment_id = @shipment", new { shipment }),
            Is.EqualTo(17)
        );
    }

    [Test]
    public async Task A_cancelled_shipment_refuses_scans_and_releases_its_capacity()
    {
        var seller = "life-seller-2";
        var receiving = _services.Receiving.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(receiving, "L-CUP");
        var shipment = await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (fnsku, 5));
        Assert.That((await Post(receiving, shipment, "ship")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var cancelled = await Post(receiving, shipment, "cancel");

        Assert.That(cancelled.StatusCode, Is.EqualTo(HttpStatusCode.OK), await cancelled.Content.ReadAsStringAsync());
        Assert.That((await cancelled.ReadAsync<ShipmentResponse>()).CancelledAt, Is.Not.Null);
        var scan = await receiving.PostAsJsonAsync(
            $"/api/receiving/v1/shipments/{shipment}/scans",
            new
            {
                unitId = "cup-1",
                fnsku,
                condition = "sellable",
            }
        );
        await AssertConflict(scan, "Cancelled");
        await AssertConflict(await Post(receiving, shipment, "close"), "already Cancelled");
        var released = await _released.WaitForAsync(e => e.ShipmentId == shipment, "CapacityReleased on the bus");
        Assert.That(released.SellerId, Is.EqualTo(seller));
    }

    [Test]
    public async Task A_shipment_with_received_units_cannot_be_cancelled_and_one_never_shipped_cannot_be_closed()
    {
        var seller = "life-seller-3";
        var receiving = _services.Receiving.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(receiving, "L-BOWL");
        var received = await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (fnsku, 5));
        var planned = await PlatformApi.CreateShipmentAsync(receiving, "SEA1", (fnsku, 5));
        await PlatformApi.ScanAsync(receiving, received, fnsku, Units("bowl", 1, 2));

        await AssertConflict(await Post(receiving, received, "cancel"), "2 unit(s) were already received");
        await AssertConflict(await Post(receiving, planned, "close"), "never shipped");
        Assert.That(await StatusOf(receiving, received), Is.EqualTo(ShipmentStatus.Receiving));
        Assert.That(await StatusOf(receiving, planned), Is.EqualTo(ShipmentStatus.Created));
    }

    [Test]
    public async Task Another_sellers_shipment_cannot_be_scanned_into_moved_or_reported_on()
    {
        var owner = _services.Receiving.ClientFor("life-seller-4");
        var intruder = _services.Receiving.ClientFor("life-seller-5");
        var fnsku = await PlatformApi.RegisterItemAsync(owner, "L-VASE");
        var shipment = await PlatformApi.CreateShipmentAsync(owner, "SEA1", (fnsku, 5));

        var scan = await intruder.PostAsJsonAsync(
            $"/api/receiving/v1/shipments/{shipment}/scans",
            new
            {
                unitId = "vase-1",
                fnsku,
                condition = "sellable",
            }
        );
        var close = await Post(intruder, shipment, "cancel");
        var report = await intruder.GetAsync($"/api/receiving/v1/shipments/{shipment}/report");

        foreach (var response in new[] { scan, close, report })
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        }

        Assert.That(await StatusOf(owner, shipment), Is.EqualTo(ShipmentStatus.Created));
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.units WHERE shipment_id = @shipment", new { shipment }),
            Is.Zero
        );
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, Guid shipment, string action) =>
        client.PostAsync($"/api/receiving/v1/shipments/{shipment}/{action}", null);

    private static async Task<ShipmentStatus> StatusOf(HttpClient client, Guid shipment) =>
        (await (await client.GetAsync($"/api/receiving/v1/shipments/{shipment}")).ReadAsync<ShipmentResponse>()).Status;

    private static async Task AssertConflict(HttpResponseMessage response, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await response.ReadAsync<ProblemDetails>()).Detail, Does.Contain(reason));
    }

    private static IEnumerable<string> Units(string prefix, int from, int count) =>
        Enumerable.Range(from, count).Select(i => $"{prefix}-{i:0000}");
}

using System.Net;
using System.Net.Http.Json;
using InventoryPlatform.Data;
using InventoryPlatform.Receiving.Api;

namespace InventoryPlatform.IntegrationTests;

/// <summary>Dock scanners working one shipment at once, reading many of the same units.</summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.SqlServer)]
[NonParallelizable]
public sealed class ConcurrentScanSpecs(DatabaseProvider provider)
{
    private PlatformServices _services = null!;

    [OneTimeSetUp]
    public async Task Start() => _services = await PlatformServices.StartAsync(provider, "concurrent");

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Test]
    public async Task Ten_concurrent_clients_scanning_overlapping_unit_ids_count_each_unit_exactly_once()
    {
        const string seller = "concurrent-seller";
        var setup = _services.Receiving.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(setup, "CONC-1");
        var shipment = await PlatformApi.CreateShipmentAsync(setup, "SEA1", (fnsku, 300));

        // Client c reads units [20c, 20c + 100): every unit but the first 20 and last 20 is read by several clients.
        // Each client sends its units shuffled, in batches of 1 to 15, so batches interleave and overlap differently.
        var clients = Enumerable
            .Range(0, 10)
            .Select(c =>
            {
                var random = new Random(c);
                var units = Enumerable.Range(20 * c, 100).Select(i => $"conc-{i:0000}").OrderBy(_ => random.Next()).ToList();
                var batches = new List<List<string>>();
                for (var at = 0; at < units.Count; )
                {
                    var size = Math.Min(random.Next(1, 16), units.Count - at);
                    batches.Add(units.GetRange(at, size));
                    at += size;
                }

                return batches;
            })
            .ToList();
        var distinct = clients.SelectMany(b => b).SelectMany(b => b).Distinct().Count();
        Assert.That(distinct, Is.EqualTo(280));

        using var start = new SemaphoreSlim(0);
        var work = clients
            .Select(async batches =>
            {
                using var client = _services.Receiving.ClientFor(seller);
                await start.WaitAsync();
                var accepted = new List<int>();
                foreach (var batch in batches)
                {
                    var response = await client.PostAsJsonAsync(
                        $"/api/receiving/v1/shipments/{shipment}/scans/batch",
                        new
                        {
                            scans = batch.Select(u => new
                            {
                                unitId = u,
                                fnsku,
                                condition = "sellable",
                            }),
                        }
                    );
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
                    accepted.Add((await response.ReadAsync<ScanResult>()).Accepted);
                }

                return accepted.Sum();
            })
            .ToList();
        start.Release(clients.Count);
        var acceptedPerClient = await Task.WhenAll(work);

        Assert.That(acceptedPerClient.Sum(), Is.EqualTo(distinct), "accepted across all responses");
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.units WHERE shipment_id = @shipment", new { shipment }),
            Is.EqualTo(distinct),
            "rows in the units table"
        );
        var line = (await (await setup.GetAsync($"/api/receiving/v1/shipments/{shipment}")).ReadAsync<ShipmentResponse>()).Lines[0];
        Assert.That(line.ReceivedSellable, Is.EqualTo(distinct), "the shipment line's received count");

        var allocation = _services.Allocation.ClientFor(seller);
        await Eventually.Until(
            () => PlatformApi.StockAsync(allocation, fnsku, "SEA1"),
            s => s.OnHand >= distinct,
            TimeSpan.FromSeconds(60),
            $"{distinct} on hand"
        );
        await Eventually.Until(
            () => TestInfrastructure.QueueDepthAsync(_services.Messaging, "allocation-units-received"),
            depth => depth == 0,
            TimeSpan.FromSeconds(30),
            "the queue to drain"
        );
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That(
            await PlatformApi.StockAsync(allocation, fnsku, "SEA1"),
            Is.EqualTo((distinct, 0)),
            "Allocation's on hand, after every event arrived"
        );
    }

    [Test]
    public async Task A_unit_scanned_at_once_into_two_shipments_is_counted_in_only_one()
    {
        const string seller = "concurrent-seller-2";
        var setup = _services.Receiving.ClientFor(seller);
        var fnsku = await PlatformApi.RegisterItemAsync(setup, "CONC-2");
        var first = await PlatformApi.CreateShipmentAsync(setup, "SEA1", (fnsku, 60));
        var second = await PlatformApi.CreateShipmentAsync(setup, "SEA1", (fnsku, 60));
        var units = Enumerable.Range(0, 60).Select(i => $"twice-{i:000}").ToList();

        var work = Enumerable
            .Range(0, 8)
            .Select(async c =>
            {
                using var client = _services.Receiving.ClientFor(seller);
                var shipment = c % 2 == 0 ? first : second;
                var accepted = 0;
                foreach (var batch in units.Skip(c * 5).Concat(units.Take(c * 5)).Chunk(20))
                {
                    accepted += (await PlatformApi.ScanAsync(client, shipment, fnsku, batch)).Accepted;
                }

                return accepted;
            });
        var accepted = (await Task.WhenAll(work)).Sum();

        Assert.That(accepted, Is.EqualTo(60));
        Assert.That(
            await _services.ScalarAsync<int>("SELECT COUNT(*) FROM receiving.units WHERE seller_id = @seller", new { seller }),
            Is.EqualTo(60)
        );
        Assert.That(
            await _services.ScalarAsync<int>(
                "SELECT SUM(received_sellable) FROM receiving.shipment_lines WHERE shipment_id = @first OR shipment_id = @second",
                new { first, second }
            ),
            Is.EqualTo(60)
        );
    }
}

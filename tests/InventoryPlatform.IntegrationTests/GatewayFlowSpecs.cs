using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using InventoryPlatform.Data;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// The whole AppHost (six services and the gateway) under Aspire's test host, on the run's PostgreSQL
/// and RabbitMQ, with Liquidation's clock <see cref="LiquidationDaysAhead"/> days ahead; the first flow walked through
/// the gateway only, as a partner would.
/// </summary>
[NonParallelizable]
public sealed partial class GatewayFlowSpecs
{
    private DistributedApplication _app = null!;
    private HttpClient _gateway = null!;
    private string _database = null!;
    private string _messaging = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        var database = _database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "gateway");
        var messaging = _messaging = await TestInfrastructure.CreateVirtualHostAsync("gateway");
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.InventoryPlatform_AppHost>(
        [
            "Infrastructure:Mode=External",
            $"ConnectionStrings:inventory={database}",
            $"ConnectionStrings:messaging={messaging}",
            $"Platform:Clock:OffsetDays:liquidation={LiquidationDaysAhead}",
            // No dashboard runs under test: nothing to export telemetry to.
            "Telemetry:Export=false",
        ]);
        _app = await appHost.BuildAsync();
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await _app.StartAsync(startup.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", startup.Token);
        _gateway = Gateway(SellerKey);
    }

    /// <summary>
    /// Liquidation runs this many days ahead of the other services, so the stock the story receives today is aged there;
    /// everything else (sales, forecasts, KPIs, caller tokens) is on the wall clock.
    /// </summary>
    internal const int LiquidationDaysAhead = 200;

    // Development keys from the gateway's appsettings.Development.json.
    internal const string SellerKey = "dev-seller-1001-key";
    internal const string OtherSellerKey = "dev-seller-2002-key";
    internal const string ReaderKey = "dev-reader-1001-key";
    internal const string AdminKey = "dev-admin-key";

    internal HttpClient Gateway(string? apiKey)
    {
        var client = _app.CreateHttpClient("gateway");
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    internal HttpClient Direct(string service) => _app.CreateHttpClient(service);

    [OneTimeTearDown]
    public async Task Stop()
    {
        _gateway?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Test]
    public async Task Units_scanned_through_the_gateway_show_as_stock_through_the_gateway()
    {
        var fnsku = await PlatformApi.RegisterItemAsync(_gateway, "GW-TOASTER");
        var shipment = await PlatformApi.CreateShipmentAsync(_gateway, "SEA1", (fnsku, 12));

        var scanned = await PlatformApi.ScanAsync(_gateway, shipment, fnsku, Enumerable.Range(1, 12).Select(i => $"gw-{i}"));

        Assert.That(scanned["accepted"]!.GetValue<int>(), Is.EqualTo(12));
        var stock = await Eventually.Until(
            () => PlatformApi.StockAsync(_gateway, fnsku, "SEA1"), s => s.OnHand == 12, TimeSpan.FromSeconds(60), "12 on hand through the gateway");
        Assert.That(stock, Is.EqualTo((12, 0)));
        var report = await PlatformApi.JsonNodeOf(await _gateway.GetAsync($"/api/receiving/v1/shipments/{shipment}"));
        Assert.That(report["status"]!.GetValue<string>(), Is.EqualTo("receiving"));
        Assert.That(report["lines"]![0]!["receivedSellable"]!.GetValue<int>(), Is.EqualTo(12));
    }

    [Test]
    public async Task Bad_input_through_the_gateway_gets_problem_details_and_stores_nothing()
    {
        var unknownItem = await _gateway.GetAsync("/api/receiving/v1/items/X0NQTHERE1");
        var zeroUnits = await _gateway.PostAsJsonAsync("/api/receiving/v1/shipments", new { fulfillmentCenter = "SEA1", lines = new[] { new { fnsku = "X0NOTHERE1", expectedUnits = 0 } } });

        Assert.That(unknownItem.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(zeroUnits.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(zeroUnits.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var stock = await PlatformApi.JsonNodeOf(await _gateway.GetAsync("/api/allocation/v1/stock?fnsku=X0NOTHERE1"));
        Assert.That(stock["items"]!.AsArray(), Is.Empty);
    }

    [TestCase("receiving")]
    [TestCase("allocation")]
    [TestCase("forecasting")]
    [TestCase("returns")]
    [TestCase("liquidation")]
    [TestCase("limits")]
    public async Task Every_service_is_healthy_behind_the_AppHost(string service)
    {
        using var client = _app.CreateHttpClient(service);

        var response = await client.GetAsync("/health");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}

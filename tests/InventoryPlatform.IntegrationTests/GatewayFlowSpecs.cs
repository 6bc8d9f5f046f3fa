using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using InventoryPlatform.Allocation.Api;
using InventoryPlatform.Data;
using InventoryPlatform.Hosting;
using InventoryPlatform.Receiving.Api;
using InventoryPlatform.Receiving.Domain;
using Microsoft.Extensions.DependencyInjection;

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
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.InventoryPlatform_AppHost>([
            "Infrastructure:Mode=External",
            $"ConnectionStrings:inventory={database}",
            $"ConnectionStrings:messaging={messaging}",
            $"Platform:Clock:OffsetDays:liquidation={LiquidationDaysAhead}",
            // No dashboard runs under test: nothing to export telemetry to.
            "Telemetry:Export=false",
        ]);
        appHost.Services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => new ResetGetRetryHandler()));
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

    /// <summary>
    /// A failed test leaves what it needs to be diagnosed: every queue of the platform (a queue with messages and no
    /// consumer is an endpoint that did not come back) and the end of each service's log.
    /// </summary>
    [TearDown]
    public async Task ReportFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status != NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            return;
        }

        var report = new System.Text.StringBuilder();
        try
        {
            report
                .AppendLine("Queues:")
                .AppendJoin(Environment.NewLine, await TestInfrastructure.QueueStatesAsync(_messaging))
                .AppendLine();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            report.AppendLine($"Queues: not readable ({exception.Message}).");
        }

        try
        {
            // Sessions of the platform's database that are in a transaction or waiting: a stuck consumer shows here.
            var sessions = await TestInfrastructure.QueryAsync<(
                string Application,
                string State,
                string? Wait,
                double Seconds,
                string Query
            )>(
                DatabaseProvider.Postgres,
                _database,
                "SELECT application_name, state, wait_event_type || ':' || wait_event, EXTRACT(EPOCH FROM now() - xact_start)::float8, "
                    + "left(query, 200) "
                    + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL "
                    + "ORDER BY xact_start"
            );
            report
                .AppendLine($"Database sessions in a transaction: {sessions.Count}")
                .AppendJoin(
                    Environment.NewLine,
                    sessions.Select(s => $"  {s.Application} {s.State} wait={s.Wait} for {s.Seconds:0.0} s: {s.Query}")
                )
                .AppendLine();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            report.AppendLine($"Database sessions: not readable ({exception.Message}).");
        }

        var logs = _app.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var service in new[] { "receiving", "allocation", "forecasting", "returns", "liquidation", "limits", "gateway" })
        {
            var lines = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                // Logs are kept per running instance ("allocation-abcd1234"), not per resource name.
                var instance = _app.ResourceNotifications.TryGetCurrentState(service, out var state) ? state.ResourceId : service;
                await foreach (var batch in logs.GetAllAsync(instance).WithCancellation(timeout.Token))
                {
                    lines.AddRange(batch.Select(line => line.Content));
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                lines.Add($"(log not readable: {exception.Message})");
            }

            report
                .AppendLine($"--- {service}: last {Math.Min(LogLinesReported, lines.Count)} of {lines.Count} log lines")
                .AppendJoin(Environment.NewLine, lines.TakeLast(LogLinesReported))
                .AppendLine();
        }

        var file = Path.Combine(
            TestContext.CurrentContext.WorkDirectory,
            $"{TestContext.CurrentContext.Test.Name}-{DateTime.UtcNow:HHmmss}.failure.log"
        );
        await File.WriteAllTextAsync(file, report.ToString());
        TestContext.Out.WriteLine($"Failure report: {file}");
        TestContext.Out.WriteLine(report.ToString());
    }

    private const int LogLinesReported = 500;

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

        Assert.That(scanned.Accepted, Is.EqualTo(12));
        var stock = await Eventually.Until(
            () => PlatformApi.StockAsync(_gateway, fnsku, "SEA1"),
            s => s.OnHand == 12,
            TimeSpan.FromSeconds(60),
            "12 on hand through the gateway"
        );
        Assert.That(stock, Is.EqualTo((12, 0)));
        var report = await (await _gateway.GetAsync($"/api/receiving/v1/shipments/{shipment}")).ReadAsync<ShipmentResponse>();
        Assert.That(report.Status, Is.EqualTo(ShipmentStatus.Receiving));
        Assert.That(report.Lines[0].ReceivedSellable, Is.EqualTo(12));
    }

    [Test]
    public async Task Bad_input_through_the_gateway_gets_problem_details_and_stores_nothing()
    {
        using var gateway = Gateway(SellerKey);
        var unknownItem = await gateway.GetAsync("/api/receiving/v1/items/X0NQTHERE1");
        var zeroUnits = await gateway.PostAsJsonAsync(
            "/api/receiving/v1/shipments",
            new { fulfillmentCenter = "SEA1", lines = new[] { new { fnsku = "X0NOTHERE1", expectedUnits = 0 } } }
        );

        Assert.That(unknownItem.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(zeroUnits.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(zeroUnits.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var stock = await (await gateway.GetAsync("/api/allocation/v1/stock?fnsku=X0NOTHERE1")).ReadAsync<Page<StockResponse>>();
        Assert.That(stock.Items, Is.Empty);
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

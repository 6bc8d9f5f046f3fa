using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InventoryPlatform.Data;
using InventoryPlatform.Notifications.Application;
using InventoryPlatform.Notifications.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NotificationsMarker = InventoryPlatform.Notifications.Jobs.WebhookDeliveryJob;

namespace InventoryPlatform.IntegrationTests.NotificationsSpecs;

/// <summary>
/// Under production settings (no loopback receivers), a subscription to an internal address is refused before anything is
/// stored, and a delivery whose host resolves to one is refused at the connect, without a request reaching it; bad input is
/// a 400 naming the field.
/// </summary>
[NonParallelizable]
public sealed class ReceiverSafetySpecs
{
    private const string Seller = "ntf-ssrf";
    private ServiceHost<NotificationsMarker> _host = null!;
    private WebhookReceiver _receiver = null!;
    private string _database = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, "notifyssrf");
        var messaging = await TestInfrastructure.CreateVirtualHostAsync("notifyssrf");
        _host = new ServiceHost<NotificationsMarker>(DatabaseProvider.Postgres, _database, messaging, host =>
            host.UseSetting("Notifications:AllowLoopbackReceivers", "false")
        );
        _host.CreateClient().Dispose();
        _receiver = await WebhookReceiver.StartAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [TestCase("https://127.0.0.1/hook", "loopback")]
    [TestCase("https://10.0.0.7/hook", "private (10.0.0.0/8)")]
    [TestCase("https://169.254.169.254/latest/meta-data/", "metadata")]
    [TestCase("https://localhost:8443/hook", "resolves to")]
    [TestCase("https://[::1]/hook", "loopback")]
    [TestCase("http://93.184.215.14/hook", "Must be https")]
    public async Task A_subscription_to_an_internal_or_plain_http_receiver_is_refused_and_nothing_is_stored(string url, string reason)
    {
        using var client = _host.ClientFor(Seller);

        var response = await client.PostAsJsonAsync("/api/notifications/v1/subscriptions", new { url, eventTypes = new[] { "stock.low" } });

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        using var problem = JsonDocument.Parse(body);
        Assert.That(problem.RootElement.GetProperty("errors").GetProperty("url")[0].GetString(), Does.Contain(reason));
        Assert.That(await SubscriptionsOfSellerAsync(), Is.Zero);
    }

    [Test]
    public async Task Bad_input_is_refused_naming_each_field_and_nothing_is_stored()
    {
        using var client = _host.ClientFor(Seller);

        var response = await client.PostAsJsonAsync(
            "/api/notifications/v1/subscriptions",
            new
            {
                url = "https://partner.example.com/hook",
                eventTypes = new[] { "stock.low", "order.exploded" },
                fnsku = "NOT-AN-FNSKU!",
                fulfillmentCenter = "NOWHERE",
            }
        );

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        using var problem = JsonDocument.Parse(body);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.That(errors.GetProperty("eventTypes")[0].GetString(), Does.Contain("'order.exploded' is not an event type"));
        Assert.That(errors.GetProperty("fnsku")[0].GetString(), Does.Contain("FNSKU"));
        Assert.That(errors.GetProperty("fulfillmentCenter")[0].GetString(), Does.Contain("NOWHERE"));
        Assert.That(await SubscriptionsOfSellerAsync(), Is.Zero);
    }

    [TestCase("127.0.0.1", "loopback")]
    [TestCase("localhost", "resolves to")]
    public async Task At_delivery_a_host_resolving_to_loopback_is_refused_before_any_connection(string host, string reason)
    {
        var path = $"ssrf-{host}";
        var url = new UriBuilder(_receiver.Url(path)) { Host = host }.Uri.ToString();
        var sender = _host.Services.GetRequiredService<WebhookSender>();

        var result = await sender.SendAsync(
            new ClaimedDelivery(
                Guid.NewGuid(),
                Guid.NewGuid(),
                url,
                "{}",
                0,
                DateTime.UtcNow,
                ["whsec_" + Convert.ToBase64String(new byte[32])]
            ),
            CancellationToken.None
        );

        Assert.That(result.Delivered, Is.False);
        Assert.That(result.StatusCode, Is.Null);
        Assert.That(result.Error, Does.Contain(reason).And.Contain("public addresses only"));
        Assert.That(_receiver.Received(path), Is.Empty, "nothing reached the receiver");
    }

    private async Task<int> SubscriptionsOfSellerAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(_database);
        return await Dapper.SqlMapper.ExecuteScalarAsync<int>(
            connection,
            "SELECT COUNT(*) FROM notifications.subscriptions WHERE seller_id = @Seller",
            new { Seller }
        );
    }
}

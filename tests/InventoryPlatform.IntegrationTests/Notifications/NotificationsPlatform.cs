using System.Net.Http.Json;
using Dapper;
using InventoryPlatform.Data;
using InventoryPlatform.Notifications;
using InventoryPlatform.Notifications.Api;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NotificationsMarker = InventoryPlatform.Notifications.Jobs.WebhookDeliveryJob;

namespace InventoryPlatform.IntegrationTests.NotificationsSpecs;

/// <summary>
/// Notifications on a fresh PostgreSQL database and RabbitMQ virtual host with fast retries (first step 400 ms) and a 1 s
/// attempt timeout, on a clock the spec can move; a bus that publishes events as the other services would; and a webhook
/// receiver in the test process.
/// </summary>
public sealed class NotificationsPlatform : IAsyncDisposable
{
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(400);

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

    private NotificationsPlatform(string database, string messaging)
    {
        Database = database;
        Messaging = messaging;
        Notifications = new ServiceHost<NotificationsMarker>(DatabaseProvider.Postgres, database, messaging, host =>
        {
            host.UseSetting("Notifications:AllowLoopbackReceivers", "true");
            host.UseSetting("Notifications:DeliveryPollInterval", "00:00:00.050");
            host.UseSetting("Notifications:FirstRetryDelay", FirstRetryDelay.ToString());
            host.UseSetting("Notifications:MaxRetryDelay", "00:00:05");
            host.UseSetting("Notifications:AttemptTimeout", AttemptTimeout.ToString());
            host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        });
    }

    public string Database { get; }

    public string Messaging { get; }

    public AdjustableClock Clock { get; } = new();

    public ServiceHost<NotificationsMarker> Notifications { get; }

    public WebhookReceiver Receiver { get; private set; } = null!;

    public IBusControl Bus { get; private set; } = null!;

    public static async Task<NotificationsPlatform> StartAsync(string name)
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, name);
        var messaging = await TestInfrastructure.CreateVirtualHostAsync(name);
        var platform = new NotificationsPlatform(database, messaging);
        platform.Notifications.CreateClient().Dispose();
        await TestInfrastructure.UntilConsumingAsync(messaging, NotificationsService.Descriptor);
        platform.Receiver = await WebhookReceiver.StartAsync();
        platform.Bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(messaging)));
        await platform.Bus.StartAsync();
        return platform;
    }

    /// <summary>Creates a subscription as <paramref name="seller"/> and returns it with its secret.</summary>
    public Task<SubscriptionCreatedResponse> SubscribeAsync(string seller, string url, params string[] eventTypes) =>
        SubscribeAsync(Notifications, seller, url, eventTypes);

    /// <summary>Creates a subscription as <paramref name="seller"/> on <paramref name="notifications"/>, with its secret.</summary>
    public static async Task<SubscriptionCreatedResponse> SubscribeAsync(
        ServiceHost<NotificationsMarker> notifications,
        string seller,
        string url,
        params string[] eventTypes
    )
    {
        using var client = notifications.ClientFor(seller);
        var response = await client.PostAsJsonAsync(
            "/api/notifications/v1/subscriptions",
            new CreateSubscriptionRequest(url, eventTypes, null, null)
        );
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<SubscriptionCreatedResponse>();
    }

    public async Task<DeliveriesResponse> DeliveriesAsync(string seller, Guid subscriptionId)
    {
        using var client = Notifications.ClientFor(seller);
        var response = await client.GetAsync($"/api/notifications/v1/subscriptions/{subscriptionId}/deliveries");
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<DeliveriesResponse>();
    }

    public async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(Database);
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException("No value.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Bus is not null)
        {
            await Bus.StopAsync();
        }

        if (Receiver is not null)
        {
            await Receiver.DisposeAsync();
        }

        await Notifications.DisposeAsync();
    }
}

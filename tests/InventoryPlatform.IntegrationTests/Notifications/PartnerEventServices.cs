using System.Net.Http.Json;
using InventoryPlatform.Allocation;
using InventoryPlatform.Data;
using InventoryPlatform.Notifications;
using InventoryPlatform.Notifications.Api;
using InventoryPlatform.Returns;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using AllocationMarker = InventoryPlatform.Allocation.Data.StockRepository;
using NotificationsMarker = InventoryPlatform.Notifications.Jobs.WebhookDeliveryJob;
using ReturnsMarker = InventoryPlatform.Returns.Application.GradeReturnedUnitsHandler;

namespace InventoryPlatform.IntegrationTests.NotificationsSpecs;

/// <summary>
/// The producing services (Allocation, Returns) and Notifications in the test process on one fresh PostgreSQL database and
/// virtual host, with a webhook receiver in the test process: an event a service publishes through its outbox reaches the
/// partner as a signed webhook. A test bus publishes what Receiving would (units arriving at an FC).
/// </summary>
public sealed class PartnerEventServices : IAsyncDisposable
{
    private PartnerEventServices(string database, string messaging)
    {
        Database = database;
        Messaging = messaging;
        Allocation = new ServiceHost<AllocationMarker>(DatabaseProvider.Postgres, database, messaging);
        Returns = new ServiceHost<ReturnsMarker>(DatabaseProvider.Postgres, database, messaging);
        Notifications = new ServiceHost<NotificationsMarker>(DatabaseProvider.Postgres, database, messaging, host =>
        {
            host.UseSetting("Notifications:AllowLoopbackReceivers", "true");
            host.UseSetting("Notifications:DeliveryPollInterval", "00:00:00.050");
        });
    }

    public string Database { get; }

    public string Messaging { get; }

    public ServiceHost<AllocationMarker> Allocation { get; }

    public ServiceHost<ReturnsMarker> Returns { get; }

    public ServiceHost<NotificationsMarker> Notifications { get; }

    public WebhookReceiver Receiver { get; private set; } = null!;

    public IBusControl Bus { get; private set; } = null!;

    public static async Task<PartnerEventServices> StartAsync(string name)
    {
        var database = await TestInfrastructure.CreateDatabaseAsync(DatabaseProvider.Postgres, name);
        var messaging = await TestInfrastructure.CreateVirtualHostAsync(name);
        var services = new PartnerEventServices(database, messaging);
        services.Allocation.CreateClient().Dispose();
        services.Returns.CreateClient().Dispose();
        services.Notifications.CreateClient().Dispose();
        // Published events only reach queues that exist: wait until every bus consumes what the specs rely on.
        await TestInfrastructure.UntilConsumingAsync(
            messaging,
            NotificationsService.Descriptor,
            AllocationService.Descriptor,
            ReturnsService.Descriptor
        );
        services.Receiver = await WebhookReceiver.StartAsync();
        services.Bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(messaging)));
        await services.Bus.StartAsync();
        return services;
    }

    /// <summary>Creates a subscription as <paramref name="seller"/> and returns it with its secret.</summary>
    public Task<SubscriptionCreatedResponse> SubscribeAsync(string seller, string url, params string[] eventTypes) =>
        NotificationsPlatform.SubscribeAsync(Notifications, seller, url, eventTypes);

    /// <summary>The bodies of the outbox rows of <typeparamref name="T"/> a service's schema holds.</summary>
    public async Task<IReadOnlyList<T>> OutboxAsync<T>(string schema)
    {
        var bodies = await TestInfrastructure.QueryAsync<string>(
            DatabaseProvider.Postgres,
            Database,
            $"SELECT body FROM {schema}.outbox WHERE message_type = @type",
            new { type = $"{typeof(T).FullName}, {typeof(T).Assembly.GetName().Name}" }
        );
        return [.. bodies.Select(PlatformJson.OutboxBody<T>)];
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
        await Returns.DisposeAsync();
        await Allocation.DisposeAsync();
    }
}

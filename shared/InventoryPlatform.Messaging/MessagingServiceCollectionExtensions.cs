using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The name and only tag of MassTransit's bus health check: in <c>/health</c>, never in readiness or liveness.</summary>
    public const string BusHealthCheckName = "masstransit-bus";

    /// <summary>
    /// MassTransit over RabbitMQ the same way for every service: queues named "{service}-{consumer}",
    /// retries with growing intervals, then the endpoint's "_error" queue; publisher confirms on;
    /// the Dapper outbox and its dispatcher (parking rows that cannot be published); the inbox; the receive endpoint watchdog
    /// (liveness).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging(
        this IHostApplicationBuilder builder,
        string serviceName,
        Assembly consumers,
        Action<IBusRegistrationConfigurator>? configure = null
    )
    {
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var connectionString = builder.Configuration.GetConnectionString(options.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"Connection string '{options.ConnectionStringName}' is not configured (ConnectionStrings__{options.ConnectionStringName})."
            );

        if (options.Outbox.MaxAttempts < 1)
        {
            throw new InvalidOperationException(
                $"{MessagingOptions.Section}:Outbox:MaxAttempts must be at least 1 (it is {options.Outbox.MaxAttempts})."
            );
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<Inbox>();
        builder.Services.AddSingleton(typeof(InboxBatcher<,>));
        builder.Services.AddSingleton<ParkedOutbox>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(ConsumerQueues.Formatter(serviceName));
            // The bus's health is for operators (/health), not readiness: with the broker away the outbox still takes writes.
            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = BusHealthCheckName;
                health.Tags.Clear();
                health.Tags.Add(BusHealthCheckName);
            });
            bus.AddConfigureEndpointsCallback(
                (_, _, endpoint) =>
                {
                    // Without the delayed-exchange plugin (not shipped with Debian's RabbitMQ) redelivery cannot
                    // leave the process, so both stages are one retry schedule; the message stays unacknowledged
                    // on the broker meanwhile and is redelivered if the process dies.
                    endpoint.UseMessageRetry(retry => retry.Intervals(options.RetrySchedule));
                    if (options.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        rabbit.SetQuorumQueue();
                    }
                }
            );
            // Every consumer of the service by scan (with its ConsumerDefinition, if any): queue "{service}-{consumer}".
            bus.AddConsumers(consumers);
            configure?.Invoke(bus);
            bus.UsingRabbitMq(
                (context, rabbit) =>
                {
                    rabbit.Host(new Uri(connectionString), host =>
                    {
                        host.PublisherConfirmation = true;
                        host.Heartbeat(options.Heartbeat);
                    });
                    rabbit.PrefetchCount = options.PrefetchCount;
                    rabbit.ConfigureEndpoints(context);
                }
            );
        });

        // After the bus: hosted services stop in reverse order, so the watchdog stops before the bus does.
        builder.Services.AddSingleton(sp => new EndpointRestarts(
            options.Watchdog,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EndpointRestarts>>()
        ));
        builder.Services.AddHostedService(sp => new ReceiveEndpointWatchdog(
            sp.GetRequiredService<IBusControl>(),
            options,
            new Uri(connectionString),
            sp.GetRequiredService<EndpointRestarts>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ReceiveEndpointWatchdog>>()
        ));
        builder
            .Services.AddHealthChecks()
            .AddCheck<ReceiveEndpointLiveness>(ReceiveEndpointLiveness.Name, HealthStatus.Unhealthy, ["live"]);
        return builder;
    }
}

using InventoryPlatform.Data;
using InventoryPlatform.Hosting.Jobs;
using InventoryPlatform.Hosting.Network;
using InventoryPlatform.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InventoryPlatform.Hosting;

public static class PlatformServiceExtensions
{
    /// <summary>
    /// Everything a service of the platform has beyond the service defaults: its clock (<see cref="PlatformClock"/>),
    /// its schema migrated at start
    /// (or only migrated, then exit: <see cref="MigrationMode"/>),
    /// Dapper data access, MassTransit with outbox and inbox, JSON conventions, ProblemDetails for every
    /// error, correlation ids, idempotent creates, the OpenAPI document, readiness on the database alone and the purge of
    /// spent platform rows (<see cref="PlatformRetentionJob"/>).
    /// </summary>
    public static WebApplicationBuilder AddPlatformService(
        this WebApplicationBuilder builder,
        PlatformService service,
        Action<IBusRegistrationConfigurator>? configureBus = null
    )
    {
        builder.AddPlatformClock();
        builder.AddPlatformSchema(service);
        builder.AddPlatformMessaging(service.Name, service.Assembly, configureBus);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IdempotentRequests>();
        builder.Services.AddSingleton<NetworkDirectory>();
        // Public keys only: a service checks the gateway's identity tokens and cannot sign one.
        builder.Services.AddSingleton(sp =>
            IdentityTokenValidator.FromConfiguration(
                builder.Configuration,
                PlatformClock.WallClockOf(sp.GetRequiredService<TimeProvider>())
            )
        );
        // Readiness is the database alone ("ready", ServiceDefaults' ReadyTag): a broker away leaves writes to the outbox.
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.Services.AddPlatformOptions<RetentionOptions>(RetentionOptions.Section);
        builder.Services.AddScheduledJob<PlatformRetentionJob>(PlatformRetentionJob.Name, sp =>
        {
            var retention = sp.GetRequiredService<RetentionOptions>();
            return JobSchedule.Every(retention.Interval, enabled: retention.Enabled);
        });

        builder.Services.Configure<JsonOptions>(options => JsonDefaults.Configure(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        ProblemHandling.Configure(builder.Services);
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<GatewayAuthenticationDocument>();
            options.AddSchemaTransformer<StringSchemas>();
            options.AddSchemaTransformer<DecimalSchemas>();
        });
        return builder;
    }

    /// <summary>Dapper data access to the service's own schema, migrated before anything else starts.</summary>
    public static WebApplicationBuilder AddPlatformSchema(this WebApplicationBuilder builder, PlatformService service)
    {
        builder.Services.AddSingleton(service);
        builder.AddPlatformDatabase(service.Schema);
        MigrationMode.From(builder.Configuration, Environment.GetCommandLineArgs()).Register(builder);
        return builder;
    }

    /// <summary>
    /// Error handling and correlation ids first, then the OpenAPI document at /openapi/v1.json and the admins' view of parked
    /// outbox events (<see cref="OutboxAdminApi"/>).
    /// </summary>
    public static WebApplication UsePlatformService(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(Correlation.Middleware);
        if (!app.Services.GetRequiredService<MigrationMode>().MigrateOnly)
        {
            // Checked here so that a service without the gateway's public keys fails to start; a migration Job needs none.
            var tokens = app.Services.GetRequiredService<IdentityTokenValidator>();
            var service = app.Services.GetRequiredService<PlatformService>();
            app.Use((context, next) => IdentityCheck.Middleware(context, next, tokens, service));
        }

        app.Use(QueryStringCheck.Middleware);
        app.Use(IdempotencyFingerprint.Middleware);
        app.MapOpenApi();
        app.MapOutboxAdminApi();
        return app;
    }
}

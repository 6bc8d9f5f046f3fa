using InventoryPlatform.Gateway.Security;
using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Yarp.ReverseProxy.Transforms;

namespace InventoryPlatform.Gateway;

public static class GatewaySetup
{
    public static readonly PlatformService Descriptor = new("gateway", "gateway", typeof(GatewaySetup).Assembly);

    public static readonly string[] Services =
    [
        "receiving",
        "allocation",
        "forecasting",
        "returns",
        "liquidation",
        "limits",
        "notifications",
    ];

    public static WebApplicationBuilder AddPartnerGateway(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        // Only the gateway holds the private keys that sign caller identities (a migration Job needs none of them).
        builder.Services.AddSingleton(sp =>
            IdentityTokenIssuer.FromConfiguration(builder.Configuration, sp.GetRequiredService<TimeProvider>())
        );
        builder.AddPlatformSchema(Descriptor);
        builder.Services.AddSingleton<ApiKeys>();
        builder.Services.AddProblemDetails(problems =>
            problems.CustomizeProblemDetails = context =>
                context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString()
                    ?? context.HttpContext.TraceIdentifier
        );
        builder.Services.Configure<JsonOptions>(json => JsonDefaults.Configure(json.SerializerOptions));
        builder.Services.AddPartnerRateLimits();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        builder
            .Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(transforms =>
                transforms.AddRequestTransform(context =>
                {
                    // Nothing a client says about who it is reaches a service; only the gateway's signed identity does.
                    var headers = context.ProxyRequest.Headers;
                    headers.Remove(IdentityTokens.Header);
                    headers.Remove(PartnerAuthentication.ActAsSellerHeader);
                    headers.Remove(ApiKeys.Header);
                    if (PartnerAuthentication.CallerOf(context.HttpContext) is { } caller)
                    {
                        var issuer = context.HttpContext.RequestServices.GetRequiredService<IdentityTokenIssuer>();
                        headers.Add(IdentityTokens.Header, issuer.Issue(caller));
                    }

                    headers.Remove(Correlation.Header);
                    headers.Add(Correlation.Header, Correlation.Of(context.HttpContext).ToString());
                    return ValueTask.CompletedTask;
                })
            );
        return builder;
    }

    public static WebApplication UsePartnerGateway(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<GatewayOptions>();
        if (!app.Services.GetRequiredService<MigrationMode>().MigrateOnly)
        {
            // Without its signing keys the gateway fails to start rather than on the first request.
            app.Services.GetRequiredService<IdentityTokenIssuer>();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(Correlation.Middleware);
        app.Use((context, next) => RequestLimits.BodySizeMiddleware(context, next, options.MaxRequestBodyBytes));
        app.Use(PartnerAuthentication.Middleware);
        app.UseRateLimiter();
        app.Use(RequestLimits.HeadersMiddleware);
        return app;
    }

    /// <summary>The public keys of the gateway's signing keys, for services and operators (the JWKS services take in
    /// <c>Identity:Jwks</c>).</summary>
    public static WebApplication MapIdentityKeys(this WebApplication app)
    {
        app.MapGet(IdentityTokens.JwksPath, (HttpContext context, IdentityTokenIssuer issuer) =>
            {
                context.Response.Headers.CacheControl = "public, max-age=60";
                return Results.Text(issuer.Jwks, "application/jwk-set+json");
            })
            .WithName("GetIdentityKeys")
            .WithSummary("The public keys (JWKS) the gateway's caller identity tokens are signed with; never a private key.")
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>One API reference for the whole platform at /docs, from each service's OpenAPI document.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference("/docs", scalar =>
        {
            scalar.WithTitle("InventoryPlatform partner API");
            foreach (var service in Services)
            {
                scalar.AddDocument(service, service, $"/openapi/{service}.json");
            }

            scalar.AddPreferredSecuritySchemes("ApiKey");
        });
        return app;
    }
}

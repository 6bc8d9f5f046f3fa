using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryPlatform.Hosting;

/// <summary>Describes in every service's OpenAPI document how partners authenticate: an API key, at the gateway.</summary>
internal sealed class GatewayAuthenticationDocument : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Api-Key",
            Description =
                "The partner's API key, checked by the gateway. Each key belongs to one seller and carries scopes "
                + "(inventory:read for reads; shipments:write, orders:write, returns:write or inventory:write for writes; admin).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}

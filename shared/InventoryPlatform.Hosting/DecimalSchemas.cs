using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Amounts and measures are decimals; the exporter writes them as <c>double</c>, so a client generated from the document
/// would round money. This names them <c>decimal</c> (a format of the OpenAPI format registry).
/// </summary>
internal sealed class DecimalSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(decimal) || context.JsonTypeInfo.Type == typeof(decimal?))
        {
            schema.Format = "decimal";
        }

        return Task.CompletedTask;
    }
}

using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Strings pass through <see cref="ControlCharacterRefusal"/>, a converter of our own, so the schema exporter knows nothing
/// of them and writes <c>{}</c>; this says again that they are strings, nullable when the property is, so a client generated
/// from the document types them.
/// </summary>
internal sealed class StringSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null)
        {
            schema.Type = IsNullable(context.JsonPropertyInfo) ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }

        return Task.CompletedTask;
    }

    private static bool IsNullable(JsonPropertyInfo? property) => property is { IsGetNullable: true } or { IsSetNullable: true };
}

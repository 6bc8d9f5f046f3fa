using System.Text.Json;

namespace InventoryPlatform.Client;

/// <summary>Reads a refused call's ProblemDetails (or whatever body came) into a <see cref="PlatformApiException"/>.</summary>
internal static class ProblemReader
{
    public static async Task<PlatformApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return Parse(response.StatusCode, body);
    }

    public static PlatformApiException Parse(System.Net.HttpStatusCode status, string body)
    {
        string? title = null;
        string? detail = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                title = Text(json.RootElement, "title");
                detail = Text(json.RootElement, "detail");
                if (json.RootElement.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in fields.EnumerateObject())
                    {
                        errors[field.Name] =
                            field.Value.ValueKind == JsonValueKind.Array
                                ? field.Value.EnumerateArray().Select(e => e.ToString()).ToArray()
                                : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, an empty 502): the exception still carries the status and the body.
        }

        return new PlatformApiException(status, title, detail, errors, body);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

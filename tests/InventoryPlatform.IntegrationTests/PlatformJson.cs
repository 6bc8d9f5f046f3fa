using System.Net.Http.Json;
using System.Text.Json;
using InventoryPlatform.Hosting;

namespace InventoryPlatform.IntegrationTests;

/// <summary>
/// The one way the specs read JSON: a response body into a typed record with the API's conventions (camelCase, enums as strings,
/// <see cref="JsonDefaults"/>), an outbox row's body the way the outbox wrote it (web defaults).
/// </summary>
public static class PlatformJson
{
    private static readonly JsonSerializerOptions Outbox = new(JsonSerializerDefaults.Web);

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, CancellationToken cancellationToken = default) =>
        await response.Content.ReadFromJsonAsync<T>(JsonDefaults.Options, cancellationToken)
        ?? throw new JsonException($"An empty body where a {typeof(T).Name} was expected.");

    public static T OutboxBody<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, Outbox)
        ?? throw new JsonException($"An empty outbox body where a {typeof(T).Name} was expected.");
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace InventoryPlatform.Client;

/// <summary>
/// The one HTTP path of every area client: the API key on each call, an <c>Idempotency-Key</c> on creates (generated when the
/// caller gives none), the platform's JSON conventions, and a refusal turned into <see cref="PlatformApiException"/>.
/// </summary>
public sealed class PlatformTransport
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly HttpClient _http;
    private readonly string _apiKey;

    internal PlatformTransport(HttpClient http, string apiKey)
    {
        _http = http;
        _apiKey = apiKey;
    }

    /// <summary>Sends a call and reads its JSON answer as <typeparamref name="T"/>.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, Idempotency create, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, create, accept: "application/json", cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(PlatformJson.Options, cancellationToken)
            ?? throw new JsonException($"{method} {path} answered with an empty body where a {typeof(T).Name} was expected.");
    }

    /// <summary>Sends a call whose answer the caller does not need (a 204, or a body it ignores).</summary>
    public async Task SendAsync(HttpMethod method, string path, object? body, Idempotency create, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, create, accept: "application/json", cancellationToken);
    }

    /// <summary>Downloads a body as text in the media type asked for (CSV, NDJSON).</summary>
    public async Task<string> GetTextAsync(string path, string accept, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, null, Idempotency.None, accept, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Downloads a binary body (a PNG chart).</summary>
    public async Task<byte[]> GetBytesAsync(string path, string accept, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, path, null, Idempotency.None, accept, cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    private async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method,
        string path,
        object? body,
        Idempotency create,
        string accept,
        CancellationToken cancellationToken
    )
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        request.Headers.Add(ApiKeyHeader, _apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (create.IsCreate)
        {
            request.Headers.Add(IdempotencyKeyHeader, create.IdempotencyKey ?? Guid.NewGuid().ToString("N"));
        }

        // HttpContent goes as it is (a CSV upload); anything else is the JSON body.
        request.Content = body switch
        {
            null => null,
            HttpContent content => content,
            _ => JsonContent.Create(body, body.GetType(), options: PlatformJson.Options),
        };

        var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ProblemReader.ReadAsync(response, cancellationToken);
        }
    }
}

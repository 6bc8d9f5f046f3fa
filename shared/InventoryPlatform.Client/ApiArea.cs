using System.Runtime.CompilerServices;

namespace InventoryPlatform.Client;

/// <summary>
/// A service area's typed client: its route prefix and the verbs over <see cref="PlatformTransport"/>. Its calls take and
/// return the records of <c>InventoryPlatform.Client.Models</c>, generated at build from the services' OpenAPI documents
/// (OpenApi/*.json). A new area derives from this and adds its calls.
/// </summary>
public abstract class ApiArea(PlatformTransport transport, string prefix)
{
    protected PlatformTransport Transport { get; } = transport;

    /// <summary>The area's route prefix through the gateway, e.g. <c>/api/receiving/v1</c>.</summary>
    public string Prefix { get; } = prefix;

    protected Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        Transport.SendAsync<T>(HttpMethod.Get, Prefix + path, null, Idempotency.None, cancellationToken);

    protected Task<T> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        Transport.SendAsync<T>(HttpMethod.Post, Prefix + path, body, Idempotency.None, cancellationToken);

    /// <summary>A create: sent with <paramref name="idempotencyKey"/>, or a generated key when null.</summary>
    protected Task<T> CreateAsync<T>(string path, object? body, string? idempotencyKey, CancellationToken cancellationToken) =>
        Transport.SendAsync<T>(HttpMethod.Post, Prefix + path, body, Idempotency.Create(idempotencyKey), cancellationToken);

    protected Task<T> PutAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        Transport.SendAsync<T>(HttpMethod.Put, Prefix + path, body, Idempotency.None, cancellationToken);

    protected Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        Transport.SendAsync(HttpMethod.Delete, Prefix + path, null, Idempotency.None, cancellationToken);

    protected Task<string> GetTextAsync(string path, string accept, CancellationToken cancellationToken) =>
        Transport.GetTextAsync(Prefix + path, accept, cancellationToken);

    protected Task<byte[]> GetPngAsync(string path, CancellationToken cancellationToken) =>
        Transport.GetBytesAsync(Prefix + path, "image/png", cancellationToken);

    /// <summary>
    /// Every item of a cursor-paged list, page after page (<paramref name="path"/> holds the filters; the cursor is
    /// added). Pages are fetched as the caller enumerates.
    /// </summary>
    protected async IAsyncEnumerable<T> PagesAsync<T>(string path, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var page = await GetAsync<CursorPage<T>>(QueryString.Of(path, ("limit", limit), ("cursor", cursor)), cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            cursor = page.NextCursor;
        } while (cursor is not null);
    }

    /// <summary>
    /// An incremental sync from <paramref name="changedSince"/> ("0" the first time): batch after batch until caught up.
    /// Keep the last batch's <see cref="ChangeBatch{T}.NextCursor"/> for the next sync.
    /// </summary>
    protected async IAsyncEnumerable<ChangeBatch<T>> ChangesAsync<T>(
        string path,
        string changedSince,
        int? limit,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
    {
        var cursor = changedSince;
        while (true)
        {
            var batch = await GetAsync<ChangeBatch<T>>(QueryString.Of(path, ("changedSince", cursor), ("limit", limit)), cancellationToken);
            yield return batch;
            if (batch.CaughtUp)
            {
                yield break;
            }

            cursor = batch.NextCursor;
        }
    }
}

namespace InventoryPlatform.Client;

/// <summary>
/// Whether a call creates something and, if so, its <c>Idempotency-Key</c>. A create without a key gets a fresh one, so
/// the call is safe to retry as it was sent; to retry a create across restarts, keep your own key and pass it.
/// </summary>
public readonly record struct Idempotency(bool IsCreate, string? IdempotencyKey)
{
    /// <summary>Not a create: no key is sent.</summary>
    public static Idempotency None => default;

    /// <summary>A create, with the caller's key or, when null, a generated one.</summary>
    public static Idempotency Create(string? key) => new(true, key);
}

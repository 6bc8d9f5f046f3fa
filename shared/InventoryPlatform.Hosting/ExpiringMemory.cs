using System.Collections.Concurrent;

namespace InventoryPlatform.Hosting;

/// <summary>
/// A dictionary of entries that expire, bounded: when full, the expired entries go, and if that frees nothing all go.
/// Used for tokens signed or checked once and reused until they expire.
/// </summary>
internal sealed class ExpiringMemory<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, long ExpiresAt)> _entries = new(comparer);

    public bool TryGet(TKey key, out TValue value, out long expiresAt)
    {
        var found = _entries.TryGetValue(key, out var entry);
        (value, expiresAt) = found ? entry : (default!, 0);
        return found;
    }

    public void Remember(TKey key, TValue value, long expiresAt, long now)
    {
        if (_entries.Count >= capacity)
        {
            foreach (var entry in _entries.Where(e => e.Value.ExpiresAt < now))
            {
                _entries.TryRemove(entry);
            }

            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }
        }

        _entries[key] = (value, expiresAt);
    }

    public void Clear() => _entries.Clear();
}

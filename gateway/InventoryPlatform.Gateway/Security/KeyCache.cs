using System.Collections.Concurrent;

namespace InventoryPlatform.Gateway.Security;

/// <summary>
/// The keys the gateway looked up in its database, bounded in time and in size: a found key is trusted for
/// <see cref="GatewayOptions.KeyCacheDuration"/>, an unknown one remembered as unknown for
/// <see cref="GatewayOptions.UnknownKeyCacheDuration"/> (so a key tried again costs no query), and never more than
/// <see cref="GatewayOptions.KeyCacheSize"/> entries: when full, the expired ones go, then the unknown ones, then the oldest.
/// </summary>
public sealed class KeyCache(int capacity)
{
    private readonly ConcurrentDictionary<string, (ApiKey? Key, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();

    public int Capacity { get; } = Math.Max(1, capacity);

    public int Count => _entries.Count;

    /// <summary>Whether <paramref name="hash"/> is remembered (as a key, or as unknown: <paramref name="key"/> null).</summary>
    public bool TryGet(string hash, DateTimeOffset now, out ApiKey? key)
    {
        if (_entries.TryGetValue(hash, out var entry) && entry.Until > now)
        {
            key = entry.Key;
            return true;
        }

        key = null;
        return false;
    }

    public void Remember(string hash, ApiKey? key, DateTimeOffset until, DateTimeOffset now)
    {
        if (_entries.Count >= Capacity && !_entries.ContainsKey(hash))
        {
            Trim(now);
        }

        _entries[hash] = (key, until);
    }

    public void Clear() => _entries.Clear();

    // Frees a tenth of the room at once, so that a stream of new keys trims now and then rather than on every request.
    private void Trim(DateTimeOffset now)
    {
        lock (_trimming)
        {
            if (_entries.Count < Capacity)
            {
                return;
            }

            var target = Capacity - Math.Max(1, Capacity / 10);
            foreach (var entry in _entries.Where(e => e.Value.Until <= now))
            {
                _entries.TryRemove(entry);
            }

            foreach (var entry in _entries.OrderBy(e => e.Value.Key is not null).ThenBy(e => e.Value.Until).Take(_entries.Count - target))
            {
                _entries.TryRemove(entry);
            }
        }
    }
}

using System.Collections.Concurrent;

namespace InventoryPlatform.Gateway.Security;

/// <summary>
/// A budget per client address for requests without a valid API key (none, unknown or revoked): a token bucket of
/// <see cref="GatewayOptions.FailedRequestBurst"/> refilled at <see cref="GatewayOptions.FailedRequestsPerSecond"/>. Each such
/// request spends a token, and an address with none left gets 429 with Retry-After before its key is even looked up, so a
/// stream of guessed keys costs neither database queries nor cache entries. Requests with a valid key are limited per key
/// instead (<see cref="RequestLimits"/>). The budget is per gateway replica. The buckets are worked out when used (no timer),
/// and an address whose bucket is full again is forgotten when many are held.
/// </summary>
public sealed class FailedRequestLimits(GatewayOptions options, TimeProvider time)
{
    // Far above the addresses failing at once; when reached, the addresses whose buckets are full again go.
    private const int MaxAddresses = 100_000;

    private readonly double _burst = Math.Max(1, options.FailedRequestBurst);
    private readonly double _perSecond = Math.Max(1, options.FailedRequestsPerSecond);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Null while the address has failures left to spend; otherwise how long until it has one.</summary>
    public TimeSpan? Exhausted(HttpContext context)
    {
        if (!_buckets.TryGetValue(AddressOf(context), out var bucket))
        {
            return null;
        }

        lock (bucket)
        {
            var tokens = Refill(bucket);
            return tokens >= 1 ? null : TimeSpan.FromSeconds((1 - tokens) / _perSecond);
        }
    }

    /// <summary>Spends one of the address's tokens on a request that had no valid key.</summary>
    public void Spend(HttpContext context)
    {
        if (_buckets.Count >= MaxAddresses)
        {
            foreach (var (address, full) in _buckets)
            {
                lock (full)
                {
                    if (Refill(full) >= _burst)
                    {
                        _buckets.TryRemove(address, out _);
                    }
                }
            }
        }

        var bucket = _buckets.GetOrAdd(AddressOf(context), _ => new Bucket(_burst, time.GetTimestamp()));
        lock (bucket)
        {
            bucket.Tokens = Math.Max(0, Refill(bucket) - 1);
        }
    }

    private double Refill(Bucket bucket)
    {
        var now = time.GetTimestamp();
        bucket.Tokens = Math.Min(_burst, bucket.Tokens + time.GetElapsedTime(bucket.At, now).TotalSeconds * _perSecond);
        bucket.At = now;
        return bucket.Tokens;
    }

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens { get; set; } = tokens;

        public long At { get; set; } = at;
    }
}

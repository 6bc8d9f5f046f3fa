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

    /// <summary>
    /// Takes one of the address's tokens for a request that may turn out to have no valid key: null when taken, otherwise how
    /// long until the address has one. Taken before the key is looked up, so that requests in flight at once cannot spend
    /// more than the budget.
    /// </summary>
    public TimeSpan? TryTake(HttpContext context)
    {
        Forget();
        var bucket = _buckets.GetOrAdd(AddressOf(context), _ => new Bucket(_burst, time.GetTimestamp()));
        lock (bucket)
        {
            var tokens = Refill(bucket);
            if (tokens < 1)
            {
                return TimeSpan.FromSeconds((1 - tokens) / _perSecond);
            }

            bucket.Tokens = tokens - 1;
            return null;
        }
    }

    /// <summary>Gives back the token taken for a request whose key turned out valid.</summary>
    public void GiveBack(HttpContext context)
    {
        if (_buckets.TryGetValue(AddressOf(context), out var bucket))
        {
            lock (bucket)
            {
                bucket.Tokens = Math.Min(_burst, Refill(bucket) + 1);
            }
        }
    }

    private void Forget()
    {
        if (_buckets.Count < MaxAddresses)
        {
            return;
        }

        foreach (var (address, bucket) in _buckets)
        {
            lock (bucket)
            {
                if (Refill(bucket) >= _burst)
                {
                    _buckets.TryRemove(address, out _);
                }
            }
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

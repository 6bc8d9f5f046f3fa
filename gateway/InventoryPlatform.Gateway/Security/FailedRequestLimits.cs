using System.Threading.RateLimiting;

namespace InventoryPlatform.Gateway.Security;

/// <summary>
/// A budget per client address for requests without a valid API key (none, unknown or revoked): each such request spends a
/// permit, and an address with none left gets 429 with Retry-After before its key is even looked up, so a stream of guessed
/// keys costs neither database queries nor cache entries. Requests with a valid key are limited per key instead
/// (<see cref="RequestLimits"/>). The budget is per gateway replica.
/// </summary>
public sealed class FailedRequestLimits(GatewayOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetTokenBucketLimiter(
            address,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, options.FailedRequestBurst),
                TokensPerPeriod = Math.Max(1, options.FailedRequestsPerSecond),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }
        )
    );

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Null while the address has failures left to spend; otherwise how long until it has.</summary>
    public TimeSpan? Exhausted(HttpContext context)
    {
        // Zero permits: asks whether any are left without spending one.
        using var lease = _limiter.AttemptAcquire(AddressOf(context), 0);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after
            : TimeSpan.FromSeconds(1);
    }

    /// <summary>Spends one of the address's permits on a request that had no valid key.</summary>
    public void Spend(HttpContext context) => _limiter.AttemptAcquire(AddressOf(context)).Dispose();

    public void Dispose() => _limiter.Dispose();
}

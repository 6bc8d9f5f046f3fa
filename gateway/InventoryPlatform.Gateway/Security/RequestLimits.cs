using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InventoryPlatform.Gateway.Security;

/// <summary>Rate limits per API key (a token bucket each) and the request body size limit.</summary>
public static class RequestLimits
{
    public static IServiceCollection AddPartnerRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                PartnerAuthentication.KeyOf(context) is { } key
                    ? RateLimitPartition.GetTokenBucketLimiter(key.Id, _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = Math.Max(1, key.Burst),
                        TokensPerPeriod = Math.Max(1, key.PermitsPerSecond),
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })
                    : RateLimitPartition.GetNoLimiter("unauthenticated")
            );
            options.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    .ToString(CultureInfo.InvariantCulture);
                await PartnerAuthentication.Problem(
                    rejected.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    "Too many requests.",
                    "This API key's rate limit is used up; retry after the number of seconds in Retry-After."
                );
            };
        });

    /// <summary>Refuses a declared body over the limit before reading it (Kestrel enforces the same limit on chunked bodies).</summary>
    public static async Task BodySizeMiddleware(HttpContext context, RequestDelegate next, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            await PartnerAuthentication.Problem(
                context,
                StatusCodes.Status413PayloadTooLarge,
                "The request body is too large.",
                $"At most {maxBytes} bytes are accepted."
            );
            return;
        }

        await next(context);
    }
}

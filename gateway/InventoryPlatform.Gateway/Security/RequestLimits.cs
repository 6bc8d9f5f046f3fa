using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace InventoryPlatform.Gateway.Security;

/// <summary>
/// Rate limits per API key (a token bucket each, announced on every response in <c>RateLimit-Limit</c>,
/// <c>RateLimit-Remaining</c> and <c>RateLimit-Reset</c>), the budget per client address of requests without a valid key
/// (<see cref="FailedRequestLimits"/>), and the request body size limit. Every limit is per gateway replica.
/// </summary>
public static class RequestLimits
{
    public static IServiceCollection AddPartnerRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<FailedRequestLimits>();
        services.AddSingleton(PartitionedRateLimiter.Create<HttpContext, string>(context =>
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
        ));
        services
            .AddOptions<RateLimiterOptions>()
            .Configure<PartitionedRateLimiter<HttpContext>>(
                (options, perKey) =>
                {
                    options.GlobalLimiter = perKey;
                    options.OnRejected = async (rejected, _) =>
                    {
                        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                            ? after
                            : TimeSpan.FromSeconds(1);
                        rejected.HttpContext.Response.Headers.RetryAfter = Seconds(retryAfter);
                        await PartnerAuthentication.Problem(
                            rejected.HttpContext,
                            StatusCodes.Status429TooManyRequests,
                            "Too many requests.",
                            "This API key's rate limit is used up; retry after the number of seconds in Retry-After."
                        );
                    };
                }
            );
        return services.AddRateLimiter(_ => { });
    }

    /// <summary>
    /// Tells a caller with a key where it stands: <c>RateLimit-Limit</c> (the key's burst), <c>RateLimit-Remaining</c> (requests
    /// it may make now) and <c>RateLimit-Reset</c> (seconds until the bucket is full again), on this replica.
    /// </summary>
    public static Task HeadersMiddleware(HttpContext context, RequestDelegate next)
    {
        if (PartnerAuthentication.KeyOf(context) is { } key)
        {
            var perKey = context.RequestServices.GetRequiredService<PartitionedRateLimiter<HttpContext>>();
            context.Response.OnStarting(() =>
            {
                var burst = Math.Max(1, key.Burst);
                var remaining = Math.Clamp((int)(perKey.GetStatistics(context)?.CurrentAvailablePermits ?? 0), 0, burst);
                var reset = (int)Math.Ceiling((burst - remaining) / (double)Math.Max(1, key.PermitsPerSecond));
                var headers = context.Response.Headers;
                headers["RateLimit-Limit"] = burst.ToString(CultureInfo.InvariantCulture);
                headers["RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
                headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
        }

        return next(context);
    }

    /// <summary>A Retry-After value: whole seconds, at least one.</summary>
    public static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

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

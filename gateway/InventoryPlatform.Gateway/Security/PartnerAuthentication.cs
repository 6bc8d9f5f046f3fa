using InventoryPlatform.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Gateway.Security;

/// <summary>
/// The front door: every <c>/api</c> request must present a partner API key (401 without a valid one; 429 once the client
/// address has made too many such requests, <see cref="FailedRequestLimits"/>).
/// Identity headers a client sent are dropped; the seller and scopes of the key travel on to the services
/// only inside a token the gateway signs. A key with the admin scope may act for another seller by
/// naming it in <c>X-Seller-Id</c>.
/// </summary>
public static class PartnerAuthentication
{
    public const string ActAsSellerHeader = "X-Seller-Id";
    private const string KeyItem = "Gateway.ApiKey";
    private const string CallerItem = "Gateway.Caller";

    public static ApiKey? KeyOf(HttpContext context) => context.Items[KeyItem] as ApiKey;

    public static CallerIdentity? CallerOf(HttpContext context) => context.Items[CallerItem] as CallerIdentity;

    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        // A request whose key is neither configured nor cached takes a token of its address's budget before the key is looked
        // up (and gets it back if the key is valid); an address without tokens gets 429, its key not looked up at all.
        var failures = context.RequestServices.GetRequiredService<FailedRequestLimits>();
        var taken = false;
        TimeSpan? wait = null;
        var presented = context.Request.Headers[ApiKeys.Header].ToString();
        var key =
            presented.Length == 0
                ? null
                : await context
                    .RequestServices.GetRequiredService<ApiKeys>()
                    .FindAsync(
                        presented,
                        () =>
                        {
                            taken = true;
                            wait = failures.TryTake(context);
                            return wait is null;
                        },
                        context.RequestAborted
                    );
        if (key is null)
        {
            if (!taken)
            {
                wait = failures.TryTake(context);
            }

            if (wait is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = RequestLimits.Seconds(retryAfter);
                await Problem(
                    context,
                    StatusCodes.Status429TooManyRequests,
                    "Too many requests.",
                    "Too many requests without a valid API key came from this address; retry after the seconds in Retry-After."
                );
                return;
            }

            await Problem(
                context,
                StatusCodes.Status401Unauthorized,
                "Not authenticated.",
                presented.Length == 0 ? $"Send your API key in the {ApiKeys.Header} header." : "The API key is not valid or was revoked."
            );
            return;
        }

        if (taken)
        {
            failures.GiveBack(context);
        }

        var seller = key.SellerId;
        var actAs = context.Request.Headers[ActAsSellerHeader].ToString();
        if (actAs.Length > 0 && key.Scopes.Contains(PlatformScopes.Admin, StringComparer.Ordinal))
        {
            if (!Seller.IsValidId(actAs))
            {
                await Problem(
                    context,
                    StatusCodes.Status400BadRequest,
                    "Invalid seller.",
                    $"{ActAsSellerHeader} must be 1-64 letters, digits, '-' or '_'."
                );
                return;
            }

            seller = actAs;
        }

        context.Items[KeyItem] = key;
        context.Items[CallerItem] = new CallerIdentity(seller, key.Scopes);
        await next(context);
    }

    public static async Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
        };
        if (
            !await context
                .RequestServices.GetRequiredService<IProblemDetailsService>()
                .TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem })
        )
        {
            await context.Response.WriteAsJsonAsync(problem);
        }
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Every request to a service's API must carry a valid identity token from the gateway (401 otherwise,
/// so a service reached directly, around the gateway, serves nothing) and the scope the request needs
/// (403), and may name another seller only under the one rule of <see cref="SellerAccess"/>. Health and OpenAPI endpoints
/// stay open.
/// </summary>
public static class IdentityCheck
{
    private const string ItemKey = "InventoryPlatform.Caller";

    public static CallerIdentity Caller(HttpContext context) =>
        context.Items[ItemKey] as CallerIdentity ?? throw new UnauthenticatedException("The request carries no identity from the gateway.");

    /// <summary>Limits endpoints that change what all sellers share (the FC network, for instance) to admin keys.</summary>
    public static TBuilder RequireAdminScope<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(
            async (context, next) =>
                Caller(context.HttpContext).IsAdmin
                    ? await next(context)
                    : TypedResults.Problem(
                        statusCode: StatusCodes.Status403Forbidden,
                        title: "Missing scope.",
                        detail: $"This request needs the '{PlatformScopes.Admin}' scope."
                    )
        );

    internal static async Task Middleware(HttpContext context, RequestDelegate next, IdentityTokenValidator tokens, PlatformService service)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var caller = await tokens.ValidateAsync(context.Request.Headers[IdentityTokens.Header].ToString());
        if (caller is null)
        {
            await Refuse(
                context,
                StatusCodes.Status401Unauthorized,
                "Not authenticated.",
                "Call the platform through the gateway with a valid API key."
            );
            return;
        }

        var scope = PlatformScopes.Required(service.Name, context.Request.Method);
        if (!caller.Has(scope))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "Missing scope.", $"This request needs the '{scope}' scope.");
            return;
        }

        switch (SellerAccess.Refusal(caller, context.Request.Query))
        {
            case (StatusCodes.Status400BadRequest, var reason):
                await TypedResults
                    .ValidationProblem(
                        new Dictionary<string, string[]> { [SellerAccess.Parameter] = [reason] },
                        title: "The request is not valid."
                    )
                    .ExecuteAsync(context);
                return;
            case (var status, var reason):
                await Refuse(context, status, "Another seller's data.", reason);
                return;
        }

        context.Items[ItemKey] = caller;
        await next(context);
    }

    private static async Task Refuse(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetService(typeof(IProblemDetailsService)) as IProblemDetailsService;
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
        };
        if (
            problems is null
            || !await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem })
        )
        {
            await context.Response.WriteAsJsonAsync(problem);
        }
    }
}

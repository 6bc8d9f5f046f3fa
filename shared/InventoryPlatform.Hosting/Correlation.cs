using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Hosting;

/// <summary>
/// The correlation id of a request: taken from <c>X-Correlation-Id</c> when the caller (or the gateway)
/// sent a valid one, otherwise made here; echoed on the response and carried into every event it causes.
/// </summary>
public static class Correlation
{
    public const string Header = "X-Correlation-Id";

    public static Guid Of(HttpContext context) => context.Items[Header] is Guid id ? id : Assign(context);

    internal static Guid Assign(HttpContext context)
    {
        var id = Guid.TryParse(context.Request.Headers[Header], out var given) ? given : Guid.CreateVersion7();
        context.Items[Header] = id;
        return id;
    }

    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        var id = Assign(context);
        context.Response.Headers[Header] = id.ToString();
        Activity.Current?.SetTag("inventory.correlation_id", id.ToString());
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("InventoryPlatform.Correlation");
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}

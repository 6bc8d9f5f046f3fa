using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.Hosting;

/// <summary>Refuses a query parameter with a control character (<c>?fnsku=%00</c>) with a 400 that names it.</summary>
internal static class QueryStringCheck
{
    public static Task Middleware(HttpContext context, RequestDelegate next)
    {
        foreach (var (name, values) in context.Request.Query)
        {
            if (ControlCharacterException.HasRefused(name) || values.Any(v => v is not null && ControlCharacterException.HasRefused(v)))
            {
                var field = ControlCharacterException.HasRefused(name) ? "query" : name;
                return TypedResults
                    .ValidationProblem(
                        new Dictionary<string, string[]> { [field] = [ControlCharacterException.Reason] },
                        title: "The request is not valid."
                    )
                    .ExecuteAsync(context);
            }
        }

        return next(context);
    }
}

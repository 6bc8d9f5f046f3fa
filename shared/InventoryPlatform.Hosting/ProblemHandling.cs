using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InventoryPlatform.Hosting;

/// <summary>
/// Turns what goes wrong outside a handler into RFC 9457 ProblemDetails: malformed JSON and unbindable
/// parameters (400, naming the field), a missing seller identity (401), and anything unexpected (500,
/// with the trace id and no internals).
/// </summary>
internal sealed class ProblemHandling(IProblemDetailsService problems, ILogger<ProblemHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem = exception switch
        {
            BadHttpRequestException { InnerException: ControlCharacterException refused } => Invalid(
                FieldOf(refused.Path),
                ControlCharacterException.Reason
            ),
            BadHttpRequestException { InnerException: JsonException json } => Invalid(FieldOf(json.Path), Reason(json)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request body is too large.",
            },
            BadHttpRequestException bad => Invalid(ParameterOf(bad.Message), bad.Message),
            UnauthenticatedException unauthenticated => new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Not authenticated.",
                Detail = unauthenticated.Message,
            },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." },
        };

        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}.", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = problem,
                Exception = exception,
            }
        );
    }

    private static HttpValidationProblemDetails Invalid(string field, string reason) =>
        new(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
        };

    // "$.lines[0].quantity" → "lines[0].quantity"; an unreadable document → "body".
    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body" : jsonPath.TrimStart('$', '.');

    // The serializer's own words name .NET types; a partner needs to know what to send instead.
    private static string Reason(JsonException json) =>
        json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "Has the wrong type: for example text where a number, or a word that is not one of the allowed values, was sent."
            : "The request body is not valid JSON here: " + json.Message.Split(" Path:", 2)[0];

    private static string ParameterOf(string message)
    {
        // Minimal APIs say: Failed to bind parameter "int limit" from "abc". / Required parameter "Body body" was not provided ...
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (start < 0 || end < 0)
        {
            return "body";
        }

        var declaration = message[(start + 1)..end];
        return declaration.Split(' ').Last();
    }

    internal static void Configure(IServiceCollection services)
    {
        services.AddExceptionHandler<ProblemHandling>();
        services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
            {
                context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
                if (context.HttpContext.Items[Correlation.Header] is Guid correlationId)
                {
                    context.ProblemDetails.Extensions["correlationId"] = correlationId;
                }
            }
        );
    }
}

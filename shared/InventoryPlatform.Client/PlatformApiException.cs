using System.Net;

namespace InventoryPlatform.Client;

/// <summary>
/// The platform refused a call: its ProblemDetails (RFC 9457) as a typed exception. <see cref="Errors"/> names each field
/// that was wrong and why (a 400 from validation); <see cref="Body"/> is the answer as it came.
/// </summary>
public sealed class PlatformApiException : Exception
{
    public PlatformApiException(
        HttpStatusCode status,
        string? title,
        string? detail,
        IReadOnlyDictionary<string, string[]> errors,
        string body
    )
        : base(Describe(status, title, detail, errors))
    {
        Status = status;
        Title = title;
        Detail = detail;
        Errors = errors;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>Field → reasons, empty when the problem is not about fields (404, 409, 503 ...).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public string Body { get; }

    private static string Describe(HttpStatusCode status, string? title, string? detail, IReadOnlyDictionary<string, string[]> errors)
    {
        var fields = string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        return $"{(int)status} {title ?? status.ToString()}"
            + (string.IsNullOrEmpty(detail) ? "" : $": {detail}")
            + (fields.Length == 0 ? "" : $" ({fields})");
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace InventoryPlatform.Hosting;

/// <summary>
/// CSV downloads (RFC 4180): a field with a comma, quote or line break is quoted, its quotes doubled; numbers and times
/// invariant (times ISO 8601 UTC), enums camelCase as in the JSON. A text field starting with = + - @ is prefixed with a
/// quote so a spreadsheet shows it as text.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv";

    /// <summary>Whether the request's Accept header asks for CSV.</summary>
    public static bool IsAccepted(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(ContentType, StringComparison.OrdinalIgnoreCase));

    public static string Line(params object?[] fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Enum kind => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (value is string && text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace InventoryPlatform.Client;

/// <summary>A path with its query: the parameters given (nulls left out), escaped, in the API's formats.</summary>
internal static class QueryString
{
    public static string Of(string path, params (string Name, object? Value)[] parameters)
    {
        var query = new StringBuilder(path);
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            query.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(Format(value)));
            separator = '&';
        }

        return query.ToString();
    }

    public static string Segment(string value) => Uri.EscapeDataString(value);

    private static string Format(object value) =>
        value switch
        {
            string text => text,
            bool flag => flag ? "true" : "false",
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime time => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            DateTimeOffset time => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            Enum choice => JsonNamingPolicy.CamelCase.ConvertName(choice.ToString()),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}

using System.Text.Json;

namespace InventoryPlatform.Hosting;

/// <summary>A JSON string held a control character (NUL and the like); the request is refused naming the field.</summary>
public sealed class ControlCharacterException() : JsonException(Reason)
{
    public const string Reason = "Must not contain control characters (such as NUL); tab and line breaks are allowed.";

    /// <summary>True for the C0 controls and DEL other than tab, line feed and carriage return.</summary>
    public static bool IsRefused(char c) => (c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\u007f';

    public static bool HasRefused(string value) =>
        (value.AsSpan().IndexOfAnyInRange('\0', '\u001f') >= 0 || value.Contains('\u007f', StringComparison.Ordinal))
        && value.Any(IsRefused);
}

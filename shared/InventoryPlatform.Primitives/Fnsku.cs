using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace InventoryPlatform.Primitives;

/// <summary>
/// A fulfillment network SKU: the id of one seller's product across the network. Receiving assigns new ones in the
/// "X0" shape (<see cref="New"/>); every service accepts the same rule (<see cref="IsValid"/>) where an FNSKU enters.
/// </summary>
public readonly record struct Fnsku
{
    /// <summary>The reason given for a value that is not an FNSKU.</summary>
    public const string Rule = "Must be an FNSKU: 1-10 letters or digits.";

    public const int MaxLength = 10;

    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    private Fnsku(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: >= 1 and <= MaxLength } && value.All(char.IsAsciiLetterOrDigit);

    public static bool TryParse([NotNullWhen(true)] string? value, out Fnsku fnsku)
    {
        fnsku = IsValid(value) ? new Fnsku(value) : default;
        return fnsku.Value is not null;
    }

    public static Fnsku Parse(string value) =>
        TryParse(value, out var fnsku) ? fnsku : throw new FormatException($"'{value}' is not an FNSKU. {Rule}");

    /// <summary>A new network-wide id: "X0" and eight characters without I and O.</summary>
    public static Fnsku New()
    {
        Span<char> chars = stackalloc char[MaxLength];
        chars[0] = 'X';
        chars[1] = '0';
        for (var i = 2; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new Fnsku(new string(chars));
    }

    public override string ToString() => Value ?? "";

    public static implicit operator string(Fnsku fnsku) => fnsku.ToString();
}

using System.Text.RegularExpressions;

namespace InventoryPlatform.Limits.Domain;

/// <summary>An FC's code as Limits stores it: 1-10 upper-case letters or digits.</summary>
public static partial class FulfillmentCenterCode
{
    public const string Rule = "Must be 1-10 letters or digits.";

    public static bool IsValid(string code) => Pattern().IsMatch(code);

    [GeneratedRegex("^[A-Z0-9]{1,10}$")]
    private static partial Regex Pattern();
}

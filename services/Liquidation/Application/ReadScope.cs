using InventoryPlatform.Hosting;

namespace InventoryPlatform.Liquidation.Application;

/// <summary>How Liquidation's reads take their filters (whose data they read is <see cref="SellerAccess"/>'s rule).</summary>
public static class ReadScope
{
    /// <summary>An enum query value, in any case ("sellable", "Sellable"); a wrong one is a named field error.</summary>
    public static TEnum? ParseEnum<TEnum>(string? value, string field, Validation validation)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        var ok = Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !value.Any(char.IsDigit);
        validation.Require(
            ok,
            field,
            $"Must be one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."
        );
        return ok ? parsed : null;
    }

    /// <summary>The reason given for a fulfillmentCenter filter that is not an FC code.</summary>
    public const string FulfillmentCenterRule = "At most 10 letters and digits.";

    /// <summary>An FC code as a filter: 1-10 letters or digits.</summary>
    public static bool IsFulfillmentCenter(string code) => code is { Length: >= 1 and <= 10 } && code.All(char.IsAsciiLetterOrDigit);
}

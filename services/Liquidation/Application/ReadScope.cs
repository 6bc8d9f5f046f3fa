using InventoryPlatform.Hosting;

namespace InventoryPlatform.Liquidation.Application;

/// <summary>Whose data a read returns: the caller's own, or with an admin key any seller's (<c>?sellerId=</c>).</summary>
public static class ReadScope
{
    public static string? SellerToRead(HttpContext http, Seller seller, string? sellerId, Validation validation)
    {
        if (sellerId is null || sellerId == seller.Id)
        {
            return seller.Id;
        }

        validation.Require(Seller.IsValidId(sellerId), "sellerId", "Must be 1-64 letters, digits, '-' or '_'.");
        validation.Require(IdentityCheck.Caller(http).IsAdmin, "sellerId", "Only an admin key may read another seller's data.");
        return sellerId;
    }

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

using InventoryPlatform.Hosting;

namespace InventoryPlatform.Liquidation.Api;

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

    public static bool IsValidFnsku(string? fnsku) => fnsku is { Length: >= 1 and <= 10 } && fnsku.All(char.IsAsciiLetterOrDigit);
}

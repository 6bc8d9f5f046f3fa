using InventoryPlatform.Hosting;

namespace InventoryPlatform.Limits.Application;

/// <summary>Whose data a read is about: the caller's own seller, or with <c>sellerId</c> another seller's for an admin key.</summary>
public static class SellerScope
{
    /// <summary>
    /// The seller to read, or null when the caller may not see the one asked for (answered 404, like any other seller's resource).
    /// A malformed sellerId is a validation error.
    /// </summary>
    public static string? Resolve(HttpContext http, string? sellerId, Validation validation)
    {
        var caller = IdentityCheck.Caller(http);
        if (sellerId is null)
        {
            return caller.SellerId;
        }

        validation.Require(Seller.IsValidId(sellerId), "sellerId", "Must be 1-64 letters, digits, '-' or '_'.");
        return sellerId == caller.SellerId || caller.IsAdmin ? sellerId : null;
    }
}

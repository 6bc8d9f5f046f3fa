using InventoryPlatform.Hosting;

namespace InventoryPlatform.Returns.Application;

/// <summary>Who a read is for: the caller's own seller, or, for admin keys only, the seller named by <c>?sellerId=</c>.</summary>
public static class ReadScope
{
    /// <summary>The seller whose data the caller reads; null when the caller may not read the seller named.</summary>
    public static string? Resolve(CallerIdentity caller, Seller seller, string? sellerId)
    {
        if (sellerId is null || sellerId == seller.Id)
        {
            return seller.Id;
        }

        return caller.IsAdmin && Seller.IsValidId(sellerId) ? sellerId : null;
    }
}
